package io.backroom.installer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageMainTest {
    @Test
    void readsKeyValueOptionsAllowingEmptyValues() {
        assertThat(PackageMain.parse(new String[] {"--dest=out/x", "--app-version=", "--description=a=b"}))
                .containsEntry("dest", "out/x").containsEntry("app-version", "").containsEntry("description", "a=b");
    }

    @Test
    void rejectsAnOptionWithoutValueNamingIt() {
        assertThatThrownBy(() -> PackageMain.parse(new String[] {"--dest"}))
                .isInstanceOf(InstallerException.class).hasMessageContaining("'--dest'").hasMessageContaining("Usage");
    }

    @Test
    void refusesAnInstallerTypeThisSystemCannotBuild() {
        String foreign = HostOs.current() == HostOs.WINDOWS ? "deb" : "msi";
        PackageSpec spec = new PackageSpec(Path.of("app/target"), "backroom-app.jar", "demo.Main", Path.of("out"),
                Path.of("work"), "Backroom", "1.0.0", "Backroom", "d", List.of("app-image", foreign));

        assertThatThrownBy(() -> new PackageBuilder(spec, HostOs.current(), line -> { }).build())
                .isInstanceOf(InstallerException.class).hasMessageContaining("'" + foreign + "'")
                .hasMessageContaining("only for the system it runs on");
    }

    @Test
    void declaresGtkAndADesktopEntryForTheDebianPackage(@TempDir Path work) throws IOException {
        PackageSpec spec = new PackageSpec(Path.of("app/target"), "backroom-app.jar", "demo.Main", Path.of("out"),
                work, "Backroom", "1.0.0", "Backroom", "d", List.of("app-image", "deb"));

        List<String> options = new PackageBuilder(spec, HostOs.LINUX, line -> { }).installerOptions("deb", Path.of("icons"));

        assertThat(options).containsSequence("--linux-package-deps", "libgtk-3-0")
                .contains("--linux-shortcut").containsSequence("--linux-package-name", "backroom")
                .containsSequence("--resource-dir", work.resolve("deb-resources").toString());
        assertThat(Files.readString(work.resolve("deb-resources/postinst")))
                .contains("DESKTOP_COMMANDS_INSTALL").contains("cp \"/opt/backroom/lib/backroom-Backroom.desktop\"")
                .contains("ln -s \"/opt/backroom/bin/Backroom\" \"/usr/bin/backroom\"")
                .doesNotContain("@");
        assertThat(Files.readString(work.resolve("deb-resources/prerm")))
                .contains("unregister_desktop_entry || true")
                .contains("rm -f \"/usr/share/applications/backroom-Backroom.desktop\"").doesNotContain("@");
    }
}
