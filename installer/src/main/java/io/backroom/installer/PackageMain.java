package io.backroom.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line entry of the packaging recipe, run by Maven in the installer module's
 * {@code package} phase. Options are {@code --key=value}, see {@link #USAGE}.
 * When this JDK has no {@code jpackage} or {@code jlink}, it says so, writes
 * {@code <dest>/SKIPPED} with the reason and succeeds, so the build goes on without the app-image.
 */
public final class PackageMain {
    static final String USAGE = """
            Usage: PackageMain --app-target=DIR --dest=DIR --work=DIR --version=MAVEN_VERSION
                               [--app-version=N.N.N] [--types=app-image,deb] [--name=Backroom]
                               [--vendor=TEXT] [--description=TEXT]
                               [--main-jar=backroom-app.jar] [--main-class=io.backroom.app.Main]
            """;

    private PackageMain() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> options = parse(args);
        Path dest = Path.of(required(options, "dest"));
        for (String tool : List.of("jlink", "jpackage")) {
            if (JdkTool.find(tool).isEmpty()) {
                skip(dest, "this JDK (" + System.getProperty("java.home") + ") has no '" + tool
                        + "'; the app-image needs a full JDK 17 or newer");
                return;
            }
        }
        String appVersion = options.getOrDefault("app-version", "");
        if (appVersion.isBlank()) {
            appVersion = PackageVersion.numeric(required(options, "version"));
        }
        PackageSpec spec = new PackageSpec(
                Path.of(required(options, "app-target")),
                options.getOrDefault("main-jar", "backroom-app.jar"),
                options.getOrDefault("main-class", "io.backroom.app.Main"),
                dest,
                Path.of(required(options, "work")),
                options.getOrDefault("name", "Backroom"),
                appVersion,
                options.getOrDefault("vendor", "Backroom"),
                options.getOrDefault("description", "Back-office operations console for retailers"),
                Arrays.stream(options.getOrDefault("types", "app-image").split(","))
                        .map(String::strip).filter(s -> !s.isEmpty()).toList());
        if (!spec.types().contains("app-image")) {
            throw new InstallerException("--types must include app-image: the installers are built from it.");
        }
        new PackageBuilder(spec, HostOs.current(), line -> System.out.println("[installer] " + line)).build();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 3) {
                throw new InstallerException("Expected options as --key=value, got '" + arg + "'.\n" + USAGE);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null || value.isBlank()) {
            throw new InstallerException("Missing --" + key + ".\n" + USAGE);
        }
        return value;
    }

    private static void skip(Path dest, String reason) {
        System.out.println("[installer] SKIPPED the app-image: " + reason + ".");
        try {
            Files.createDirectories(dest);
            Files.writeString(dest.resolve("SKIPPED"), reason + System.lineSeparator());
        } catch (IOException e) {
            throw new InstallerException("Could not write " + dest.resolve("SKIPPED") + ": " + e.getMessage(), e);
        }
    }
}
