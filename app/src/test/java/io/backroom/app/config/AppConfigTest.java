package io.backroom.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
    @TempDir
    Path userHome;

    @Test
    void defaultsToTheEmbeddedSandboxInTheUsersBackroomFolder() {
        AppConfig config = AppConfig.resolve(List.of(), Map.of(), userHome);
        assertThat(config.home()).isEqualTo(userHome.resolve(".backroom"));
        assertThat(config.server()).isEmpty();
        assertThat(config.theme()).isEqualTo("light");
        assertThat(config.logDirectory()).isEqualTo(userHome.resolve(".backroom/logs"));
    }

    @Test
    void flagsBeatEnvironmentWhichBeatsTheConfigFile() throws Exception {
        Path home = userHome.resolve("bh");
        Files.createDirectories(home);
        Files.writeString(home.resolve("config.properties"), "server=http://file:1\ntheme=dark\n");
        Map<String, String> env = Map.of("BACKROOM_HOME", home.toString(), "BACKROOM_SERVER", "http://env:2");

        AppConfig fileAndEnv = AppConfig.resolve(List.of(), env, userHome);
        assertThat(fileAndEnv.server()).contains(URI.create("http://env:2"));
        assertThat(fileAndEnv.theme()).isEqualTo("dark");

        AppConfig withFlag = AppConfig.resolve(List.of("--server", "http://flag:3", "--theme=light"), env, userHome);
        assertThat(withFlag.server()).contains(URI.create("http://flag:3"));
        assertThat(withFlag.theme()).isEqualTo("light");
        assertThat(withFlag.home()).isEqualTo(home);
    }

    @Test
    void homeFlagBeatsTheEnvironment() {
        AppConfig config = AppConfig.resolve(List.of("--home", userHome.resolve("x").toString()),
                Map.of("BACKROOM_HOME", userHome.resolve("y").toString()), userHome);
        assertThat(config.home()).isEqualTo(userHome.resolve("x"));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadServerAddresses() {
        assertThatThrownBy(() -> AppConfig.resolve(List.of("--frobnicate"), Map.of(), userHome))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--frobnicate").hasMessageContaining("--help");
        assertThatThrownBy(() -> AppConfig.resolve(List.of("--server"), Map.of(), userHome))
                .isInstanceOf(ConfigException.class).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> AppConfig.resolve(List.of("--server", "localhost"), Map.of(), userHome))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http://host:port");
        assertThatThrownBy(() -> AppConfig.resolve(List.of("--theme", "purple"), Map.of(), userHome))
                .isInstanceOf(ConfigException.class).hasMessageContaining("light");
    }

    @Test
    void recognisesHelpAndSelfCheck() {
        AppConfig config = AppConfig.resolve(List.of("--self-check", "--help"), Map.of(), userHome);
        assertThat(config.help()).isTrue();
        assertThat(config.selfCheck()).isTrue();
    }
}
