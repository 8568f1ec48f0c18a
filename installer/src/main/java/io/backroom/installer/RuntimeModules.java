package io.backroom.installer;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The modules of the console's trimmed runtime: the JDK modules found by {@code jdeps} in every
 * class path jar (not only those the main jar reaches today), the JDK modules the explicit modules
 * declare, a few that only reflection or service loading needs, and the JavaFX modules.
 */
public final class RuntimeModules {
    /**
     * Needed at run time but invisible to {@code jdeps}: elliptic-curve TLS for an {@code https}
     * gateway (a provider loaded by name) and {@code sun.misc.Unsafe}, which several libraries
     * look up reflectively.
     */
    static final Set<String> ALWAYS = Set.of("jdk.crypto.ec", "jdk.unsupported");

    /** Used only when {@code jdeps} cannot analyse the jars: the whole Java SE platform plus {@link #ALWAYS}. */
    static final Set<String> FALLBACK = Set.of("java.se", "jdk.crypto.ec", "jdk.unsupported", "jdk.jfr");

    private RuntimeModules() {
    }

    /** Computes the module set; {@code warn} receives a line when the fallback list is used. */
    public static SortedSet<String> of(AppLayout layout, Consumer<String> warn) {
        SortedSet<String> modules = new TreeSet<>(layout.javafxModules());
        modules.addAll(ALWAYS);
        modules.addAll(layout.jdkRequires());
        try {
            modules.addAll(jdeps(layout));
        } catch (InstallerException e) {
            warn.accept("jdeps could not analyse the class path, linking the fallback module list "
                    + FALLBACK + " instead: " + e.getMessage().lines().findFirst().orElse(""));
            modules.addAll(FALLBACK);
        }
        return modules;
    }

    /** The JDK modules {@code jdeps} finds in the main jar and every jar without a module descriptor. */
    static Set<String> jdeps(AppLayout layout) {
        String classPath = Stream.concat(layout.classPathJars().stream(), layout.javafxModuleJars().stream())
                .map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps", "-q",
                "--multi-release", Integer.toString(Runtime.version().feature()), "--class-path", classPath,
                layout.mainJar().toString()));
        layout.unnamedJars().forEach(jar -> args.add(jar.toString()));
        String printed = JdkTool.require("jdeps").run(args).strip();
        String lastLine = printed.lines().reduce((a, b) -> b).orElse("");
        return Arrays.stream(lastLine.split(","))
                .map(String::strip)
                .filter(AppLayout::isJdkModule)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
