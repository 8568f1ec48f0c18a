package io.backroom.installer;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the {@code app} module built: its main jar and every jar it copied to {@code lib/}, sorted
 * into the JavaFX platform modules (linked into the runtime) and the jars that go on the class path.
 * Nothing here is a fixed list: whatever the console depends on is picked up.
 *
 * @param mainJar          the console's jar
 * @param classPathJars    jars for the launcher's class path (without {@code mainJar})
 * @param javafxModuleJars JavaFX platform jars (explicit {@code javafx.*} modules) for {@code jlink}
 * @param javafxModules    the module names those jars hold
 * @param unnamedJars      class path jars without a {@code module-info} (jdeps analyses these)
 * @param jdkRequires      JDK modules the explicit modules on the class path declare they need
 */
public record AppLayout(Path mainJar, List<Path> classPathJars, List<Path> javafxModuleJars,
                        Set<String> javafxModules, List<Path> unnamedJars, Set<String> jdkRequires) {

    /** Reads {@code <appTarget>/<mainJarName>} and {@code <appTarget>/lib/*.jar}. */
    public static AppLayout scan(Path appTarget, String mainJarName) {
        Path mainJar = appTarget.resolve(mainJarName);
        Path lib = appTarget.resolve("lib");
        if (!Files.isRegularFile(mainJar) || !Files.isDirectory(lib)) {
            throw new InstallerException("The console is not built: expected " + mainJar + " and " + lib
                    + "/. Build through the reactor, e.g. 'mvn -B -pl installer -am verify'.");
        }
        List<Path> classPath = new ArrayList<>();
        List<Path> fxJars = new ArrayList<>();
        Set<String> fxModules = new TreeSet<>();
        List<Path> unnamed = new ArrayList<>();
        Set<String> jdkRequires = new TreeSet<>();
        for (Path jar : jarsIn(lib)) {
            Optional<ModuleDescriptor> descriptor = descriptorOf(jar);
            String name = descriptor.map(ModuleDescriptor::name).orElse("");
            boolean explicit = descriptor.isPresent() && !descriptor.get().isAutomatic();
            if (name.startsWith("javafx.")) {
                if (explicit) {
                    fxJars.add(jar);
                    fxModules.add(name);
                }
                // an automatic javafx.* module is the empty placeholder artifact beside the platform jar
                continue;
            }
            classPath.add(jar);
            if (explicit) {
                descriptor.get().requires().stream()
                        .filter(r -> !r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC))
                        .map(ModuleDescriptor.Requires::name)
                        .filter(AppLayout::isJdkModule)
                        .forEach(jdkRequires::add);
            } else {
                unnamed.add(jar);
            }
        }
        if (fxJars.isEmpty()) {
            throw new InstallerException("No JavaFX platform jar (an explicit javafx.* module) in " + lib
                    + "; the console must depend on org.openjfx:javafx-controls.");
        }
        return new AppLayout(mainJar, List.copyOf(classPath), List.copyOf(fxJars), Set.copyOf(fxModules),
                List.copyOf(unnamed), Set.copyOf(jdkRequires));
    }

    static boolean isJdkModule(String name) {
        return name.startsWith("java.") || name.startsWith("jdk.");
    }

    private static List<Path> jarsIn(Path lib) {
        try (Stream<Path> files = Files.list(lib)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InstallerException("Could not list " + lib + ": " + e.getMessage(), e);
        }
    }

    private static Optional<ModuleDescriptor> descriptorOf(Path jar) {
        try {
            return ModuleFinder.of(jar).findAll().stream().findFirst().map(ModuleReference::descriptor);
        } catch (FindException e) {
            // not usable as a module (e.g. an invalid automatic name): it is a plain class path jar
            return Optional.empty();
        }
    }
}
