package io.backroom.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the launcher of the app-image the {@code package} phase built, the way a user would,
 * with no display: the self-check must pass and nothing may be written inside the install folder.
 */
class AppImageSelfCheckIT {
    private static final HostOs OS = HostOs.current();
    /** A first start seeds the sandbox ERP: generous, for a busy CI machine. */
    private static final long LAUNCH_TIMEOUT_SECONDS = 300;
    /** Holds the throw-away user homes of all tests. */
    @TempDir
    static Path tmp;
    private static Path appImage;
    private static Path userHome;

    @BeforeAll
    static void locateAppImage() throws IOException {
        Path dest = Path.of(System.getProperty("installer.dest", "target/jpackage"));
        Path skipped = dest.resolve("SKIPPED");
        assumeFalse(Files.exists(skipped), "the app-image was not built: " + (Files.exists(skipped) ? Files.readString(skipped) : ""));
        appImage = dest.resolve(OS == HostOs.MAC ? "Backroom.app" : "Backroom");
        assertThat(appImage.resolve(OS.launcher("Backroom"))).isExecutable();
        userHome = Files.createDirectories(tmp.resolve("user"));
    }

    @Test
    void selfCheckPassesWithoutDisplayAndKeepsDataInTheDefaultUserHome() throws Exception {
        Map<String, String> before = snapshot(appImage);

        Run run = launch(Map.of("JAVA_TOOL_OPTIONS", "-Duser.home=" + userHome), "--self-check");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("status:\\s+UP")
                .contains(userHome.resolve(".backroom").toString());
        assertThat(userHome.resolve(".backroom/logs/backroom.log")).isRegularFile();
        assertThat(snapshot(appImage)).as("files inside the install folder").isEqualTo(before);
    }

    @Test
    void selfCheckKeepsDataInBackroomHomeWhenSet() throws Exception {
        Path otherUserHome = Files.createDirectories(tmp.resolve("other-user"));
        // the first user's folder: whichever test runs first seeds the sandbox once for both
        Path backroomHome = userHome.resolve(".backroom");

        Run run = launch(Map.of("JAVA_TOOL_OPTIONS", "-Duser.home=" + otherUserHome,
                "BACKROOM_HOME", backroomHome.toString()), "--self-check");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("home:\\s+" + java.util.regex.Pattern.quote(backroomHome.toString()));
        assertThat(backroomHome.resolve("logs/backroom.log")).isRegularFile();
        assertThat(backroomHome.resolve("sandbox")).isDirectory();
        assertThat(otherUserHome.resolve(".backroom")).doesNotExist();
    }

    @Test
    void bundlesATrimmedRuntimeWithJavaFxAndItsNativeLibraries() throws IOException {
        Path runtime = appImage.resolve(OS.runtimeDir());
        String modules = Files.readAllLines(runtime.resolve("release"), StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("MODULES=")).findFirst().orElse("");
        assertThat(Arrays.asList(modules.replace("MODULES=", "").replace("\"", "").split(" ")))
                .contains("java.base", "java.sql", "javafx.controls", "javafx.graphics", "jdk.crypto.ec")
                .doesNotContain("jdk.compiler", "jdk.jshell", "jdk.jpackage", "java.se");
        assertThat(runtime.resolve(OS.nativeLibDir()).resolve(OS.nativeLibSuffix().equals(".dll")
                ? "glass.dll" : "libglass" + OS.nativeLibSuffix())).isRegularFile();
    }

    private record Run(int exitCode, String output) {
    }

    private static Run launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(appImage.resolve(OS.launcher("Backroom")).toString()),
                Arrays.stream(args)).toList());
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().remove("BACKROOM_HOME");
        pb.environment().remove("BACKROOM_SERVER");
        pb.environment().putAll(env);
        Path log = Files.createTempFile("backroom-launch", ".log");
        pb.redirectErrorStream(true).redirectOutput(log.toFile());
        Process process = pb.start();
        try {
            if (!process.waitFor(LAUNCH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the launcher did not exit within " + LAUNCH_TIMEOUT_SECONDS + " s: " + Files.readString(log));
            }
            return new Run(process.exitValue(), Files.readString(log));
        } finally {
            Files.delete(log);
        }
    }

    /** Relative path -> size and modification time of every file and folder under {@code root}. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                files.put(root.relativize(p).toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return files;
    }
}
