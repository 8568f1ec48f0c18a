package io.backroom.installer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeModulesTest {
    @TempDir
    Path target;

    @Test
    void linksWhatJdepsFindsInEveryJarPlusDeclaredAndReflectiveModulesAndJavaFx() throws IOException {
        AppLayout layout = AppLayout.scan(AppLayoutTest.consoleBuild(target), "backroom-app.jar");
        List<String> warnings = new ArrayList<>();

        var modules = RuntimeModules.of(layout, warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(modules)
                .contains("java.sql")          // the main jar's DriverManager
                .contains("java.net.http")     // a library the main jar never references
                .contains("java.logging")      // declared by an explicit module
                .contains("javafx.base")
                .containsAll(RuntimeModules.ALWAYS)
                .doesNotContain("java.se", "jdk.jfr", "java.compiler");
    }

    @Test
    void fallsBackToTheWholePlatformWhenJdepsCannotReadAJar() throws IOException {
        AppLayout built = AppLayout.scan(AppLayoutTest.consoleBuild(target), "backroom-app.jar");
        Path broken = Files.writeString(target.resolve("lib/broken.jar"), "not a zip");
        AppLayout layout = new AppLayout(built.mainJar(), List.of(broken), built.javafxModuleJars(),
                built.javafxModules(), List.of(broken), built.jdkRequires());
        List<String> warnings = new ArrayList<>();

        var modules = RuntimeModules.of(layout, warnings::add);

        assertThat(warnings).singleElement().asString().contains("jdeps").contains("fallback");
        assertThat(modules).containsAll(RuntimeModules.FALLBACK).contains("javafx.base");
    }
}
