package io.backroom.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import io.backroom.app.testing.SeededSandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfCheckTest {
    @TempDir
    Path home;

    @Test
    void startsTheEmbeddedGatewayCallsItThroughTheSdkAndReportsHealthy() {
        Path sandbox = SeededSandbox.home();
        AppConfig config = AppConfig.resolve(List.of("--home", sandbox.toString(), "--self-check"), Map.of(), sandbox);
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = Main.selfCheck(config);
        } finally {
            System.setOut(original);
        }
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Connected to sandbox gateway").contains("status:   UP")
                .containsPattern("models: +exception-classifier [0-9.]+ \\([0-9a-f]{16}\\), prioritizer");
    }

    @Test
    void failsWithExitCodeOneWhenTheRemoteGatewayDoesNotAnswer() {
        AppConfig config = AppConfig.resolve(List.of("--home", home.toString(), "--server", "http://127.0.0.1:9"),
                Map.of(), home);
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = Main.selfCheck(config);
        } finally {
            System.setErr(original);
        }
        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Self-check failed");
    }
}
