package io.backroom.installer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Consumer;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The packaging recipe: links a trimmed runtime ({@code jlink} of the JDK modules the jars need plus
 * the JavaFX platform module jars), builds the jpackage app-image around it with the console's jars
 * on the class path, then builds each requested installer from that app-image.
 */
public final class PackageBuilder {
    /** Debian packages the console needs besides what jpackage finds itself (JavaFX's GTK 3 glass). */
    static final String DEB_DEPENDENCIES = "libgtk-3-0";
    /** The same for an {@code .rpm} (Fedora, RHEL). */
    static final String RPM_DEPENDENCIES = "gtk3";
    /** Debian requires a maintainer address; a reserved example domain until the project has one. */
    static final String DEB_MAINTAINER = "maintainers@backroom.example";

    private final PackageSpec spec;
    private final HostOs os;
    private final Consumer<String> log;

    public PackageBuilder(PackageSpec spec, HostOs os, Consumer<String> log) {
        this.spec = spec;
        this.os = os;
        this.log = log;
    }

    /** Builds everything {@link PackageSpec#types()} asks for; returns the app-image folder. */
    public Path build() {
        for (String type : spec.types()) {
            if (!os.canBuild(type)) {
                throw new InstallerException("jpackage cannot build '" + type + "' on " + os
                        + "; it builds only for the system it runs on (see docs/installer.md).");
            }
        }
        long start = System.nanoTime();
        deleteRecursively(spec.work());
        deleteRecursively(spec.dest());
        Path icons = spec.work().resolve("icons");
        IconSet.writeAll(icons);

        AppLayout layout = AppLayout.scan(spec.appTarget(), spec.mainJarName());
        SortedSet<String> modules = RuntimeModules.of(layout, line -> log.accept("WARNING: " + line));
        log.accept("runtime modules: " + String.join(",", modules));
        Path runtime = linkRuntime(layout, modules);
        Path input = stageClassPath(layout);

        JdkTool jpackage = JdkTool.require("jpackage");
        List<String> args = common("app-image");
        args.addAll(List.of("--runtime-image", runtime.toString(), "--input", input.toString(),
                "--main-jar", layout.mainJar().getFileName().toString(), "--main-class", spec.mainClass(),
                // The console and its embedded sandbox fit in 448 MB of heap (about 660 MB resident while the demo
                // retailer is seeded); without a cap the JVM would let the heap grow to a quarter of the machine.
                "--java-options", "-Xmx448m",
                "--icon", IconSet.forCurrentOs(icons).toString()));
        jpackage.run(args);
        log.accept("app-image: " + spec.appImage() + " (" + seconds(start) + ")");

        for (String type : spec.types()) {
            if (!type.equals("app-image")) {
                long t = System.nanoTime();
                List<String> installer = common(type);
                installer.addAll(List.of("--app-image", spec.appImage().toString()));
                installer.addAll(installerOptions(type, icons));
                jpackage.run(installer);
                log.accept(type + ": written to " + spec.dest() + " (" + seconds(t) + ")");
            }
        }
        return spec.appImage();
    }

    private List<String> common(String type) {
        return new ArrayList<>(List.of("--type", type, "--dest", spec.dest().toString(), "--name", spec.name(),
                "--app-version", spec.appVersion(), "--vendor", spec.vendor(), "--description", spec.description(),
                "--copyright", "Copyright " + spec.vendor()));
    }

    /** Options of one installer type: shortcuts, menu entry, system dependencies, upgrade identity. */
    List<String> installerOptions(String type, Path icons) {
        String icon = IconSet.forCurrentOs(icons).toString();
        return switch (type) {
            case "deb" -> List.of("--icon", icon, "--linux-shortcut", "--linux-menu-group", "Office",
                    "--linux-package-name", linuxPackageName(), "--linux-app-category", "misc",
                    "--linux-deb-maintainer", DEB_MAINTAINER, "--linux-package-deps", DEB_DEPENDENCIES,
                    "--resource-dir", debMaintainerScripts().toString());
            case "rpm" -> List.of("--icon", icon, "--linux-shortcut", "--linux-menu-group", "Office",
                    "--linux-package-name", linuxPackageName(), "--linux-app-category", "Applications/Office",
                    "--linux-package-deps", RPM_DEPENDENCIES);
            // a fixed upgrade code lets a newer .msi replace an installed older one
            case "msi", "exe" -> List.of("--icon", icon, "--win-menu", "--win-menu-group", spec.name(),
                    "--win-shortcut", "--win-dir-chooser", "--win-upgrade-uuid", "5d0c4d4e-6f0e-4b4e-9a39-6b1a3c0e7a11");
            case "dmg", "pkg" -> List.of("--icon", icon, "--mac-package-name", spec.name());
            default -> throw new InstallerException("Unknown installer type '" + type + "'.");
        };
    }

    /**
     * Writes the .deb's {@code postinst} and {@code prerm} (jpackage's templates, made to survive a
     * system without a desktop menu, plus a {@code /usr/bin/backroom} link to the launcher) into a
     * resource folder for jpackage and returns that folder.
     */
    Path debMaintainerScripts() {
        Path dir = spec.work().resolve("deb-resources");
        String desktopFileName = linuxPackageName() + "-" + spec.name() + ".desktop";
        String installDir = "/opt/" + linuxPackageName();
        String desktopFile = installDir + "/lib/" + desktopFileName;
        try {
            Files.createDirectories(dir);
            for (String script : List.of("postinst", "prerm")) {
                String text = resource("deb/" + script)
                        .replace("@DESKTOP_FILE_NAME@", desktopFileName)
                        .replace("@DESKTOP_FILE@", desktopFile)
                        .replace("@LAUNCHER@", installDir + "/bin/" + spec.name())
                        .replace("@COMMAND@", "/usr/bin/" + linuxPackageName());
                Files.writeString(dir.resolve(script), text);
            }
        } catch (IOException e) {
            throw new InstallerException("Could not write the .deb scripts to " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = PackageBuilder.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private String linuxPackageName() {
        return spec.name().toLowerCase(java.util.Locale.ROOT);
    }

    private Path linkRuntime(AppLayout layout, SortedSet<String> modules) {
        long start = System.nanoTime();
        Path runtime = spec.work().resolve("runtime");
        List<String> modulePath = layout.javafxModuleJars().stream().map(Path::toString).toList();
        JdkTool.require("jlink").run(List.of("--module-path", String.join(java.io.File.pathSeparator, modulePath),
                "--add-modules", String.join(",", modules), "--output", runtime.toString(),
                "--strip-debug", "--strip-native-commands", "--no-header-files", "--no-man-pages", "--compress=2"));
        int natives = copyNativeLibraries(layout.javafxModuleJars(), runtime.resolve(os.nativeLibDir()));
        log.accept("runtime: linked " + modules.size() + " modules, " + natives + " JavaFX native libraries ("
                + seconds(start) + ")");
        return runtime;
    }

    /**
     * JavaFX jars carry their native libraries inside; left there, JavaFX extracts them on first start
     * into {@code ~/.openjfx/cache}. Placed in the runtime's library folder, they load from the install
     * folder directly, as they would from JavaFX's own jmods.
     */
    int copyNativeLibraries(List<Path> jars, Path libDir) {
        int count = 0;
        for (Path jar : jars) {
            try (JarFile file = new JarFile(jar.toFile())) {
                Enumeration<JarEntry> entries = file.entries();
                while (entries.hasMoreElements()) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (!entry.isDirectory() && !name.contains("/") && name.endsWith(os.nativeLibSuffix())) {
                        try (InputStream in = file.getInputStream(entry)) {
                            Files.copy(in, libDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                        count++;
                    }
                }
            } catch (IOException e) {
                throw new InstallerException("Could not copy the native libraries of " + jar + ": " + e.getMessage(), e);
            }
        }
        return count;
    }

    private Path stageClassPath(AppLayout layout) {
        Path input = spec.work().resolve("input");
        try {
            Files.createDirectories(input);
            Files.copy(layout.mainJar(), input.resolve(layout.mainJar().getFileName()));
            for (Path jar : layout.classPathJars()) {
                Files.copy(jar, input.resolve(jar.getFileName()));
            }
        } catch (IOException e) {
            throw new InstallerException("Could not stage the console's jars in " + input + ": " + e.getMessage(), e);
        }
        return input;
    }

    private static String seconds(long startNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + dir, e);
        }
    }
}
