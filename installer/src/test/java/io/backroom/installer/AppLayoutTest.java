package io.backroom.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppLayoutTest {
    @TempDir
    Path target;

    /** A console build like app/target: main jar, lib/ with JavaFX platform and placeholder jars, plain and modular libraries. */
    static Path consoleBuild(Path target) throws IOException {
        Path lib = Files.createDirectories(target.resolve("lib"));
        TestJars.jar(target.resolve("backroom-app.jar"), Map.of("Main.java", """
                package demo; public class Main { public static void main(String[] a) throws Exception {
                  java.sql.DriverManager.getDrivers(); } }"""), Map.of(), null);
        TestJars.jar(lib.resolve("javafx-base-21-linux.jar"), Map.of(
                "module-info.java", "module javafx.base { requires java.desktop; exports fxdemo; }",
                "Fx.java", "package fxdemo; public class Fx {}"), Map.of("libglass.so", new byte[] {1, 2, 3}), null);
        TestJars.jar(lib.resolve("javafx-base-21.jar"), Map.of(), Map.of(), "javafx.baseEmpty");
        TestJars.jar(lib.resolve("plain-1.0.jar"), Map.of("Plain.java", """
                package plain; public class Plain { Object c = java.net.http.HttpClient.newHttpClient(); }"""), Map.of(), null);
        TestJars.jar(lib.resolve("named-1.0.jar"), Map.of("Named.java", "package named; public class Named {}"),
                Map.of(), "org.example.named");
        TestJars.jar(lib.resolve("modular-1.0.jar"), Map.of(
                "module-info.java", "module org.example.modular { requires java.logging; requires static jdk.jfr; exports mod; }",
                "Mod.java", "package mod; public class Mod {}"), Map.of(), null);
        return target;
    }

    @Test
    void sortsJavaFxPlatformJarsFromClassPathJarsAndDropsThePlaceholders() throws IOException {
        AppLayout layout = AppLayout.scan(consoleBuild(target), "backroom-app.jar");

        assertThat(layout.mainJar()).isEqualTo(target.resolve("backroom-app.jar"));
        assertThat(layout.javafxModuleJars()).extracting(p -> p.getFileName().toString())
                .containsExactly("javafx-base-21-linux.jar");
        assertThat(layout.javafxModules()).containsExactly("javafx.base");
        assertThat(layout.classPathJars()).extracting(p -> p.getFileName().toString())
                .containsExactly("modular-1.0.jar", "named-1.0.jar", "plain-1.0.jar");
        assertThat(layout.unnamedJars()).extracting(p -> p.getFileName().toString())
                .containsExactly("named-1.0.jar", "plain-1.0.jar");
    }

    @Test
    void collectsTheJdkModulesExplicitModulesRequireButNotTheOptionalOnes() throws IOException {
        AppLayout layout = AppLayout.scan(consoleBuild(target), "backroom-app.jar");

        assertThat(layout.jdkRequires()).contains("java.logging", "java.base").doesNotContain("jdk.jfr");
    }

    @Test
    void saysHowToBuildTheConsoleWhenItIsMissing() {
        assertThatThrownBy(() -> AppLayout.scan(target, "backroom-app.jar"))
                .isInstanceOf(InstallerException.class)
                .hasMessageContaining("backroom-app.jar").hasMessageContaining("mvn -B -pl installer -am verify");
    }

    @Test
    void refusesAConsoleWithoutJavaFx() throws IOException {
        consoleBuild(target);
        Files.delete(target.resolve("lib/javafx-base-21-linux.jar"));

        assertThatThrownBy(() -> AppLayout.scan(target, "backroom-app.jar"))
                .isInstanceOf(InstallerException.class).hasMessageContaining("No JavaFX platform jar");
    }
}
