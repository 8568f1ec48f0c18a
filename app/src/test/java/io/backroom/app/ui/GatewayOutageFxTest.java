package io.backroom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.AppContext;
import io.backroom.app.config.AppConfig;
import io.backroom.app.services.audit.DecisionTaken;
import io.backroom.app.services.audit.IntegrityReport;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.tasks.BlockingWorkGuard;
import io.backroom.app.testing.SandboxFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A gateway that stops answering: the status bar turns red, the console stays usable. */
@ExtendWith(ApplicationExtension.class)
class GatewayOutageFxTest {
    @TempDir
    Path home;

    private SandboxFixture gateway;
    private AppContext context;
    private UiTaskExecutor executor;
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("backroom.healthIntervalMillis", "300");
        CompletableFuture<Void> opened = CompletableFuture.runAsync(() -> {
            try {
                Files.createDirectories(home.resolve("gw"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            gateway = new SandboxFixture(home.resolve("gw"));
            AppConfig config = AppConfig.resolve(List.of("--home", home.toString(), "--server",
                    gateway.baseUrl()), Map.of(), home);
            context = new AppContext(config);
            context.signIn("clerk", "backroom".toCharArray());
            context.audit().record(new DecisionTaken("ana", Instant.now(), "INV-1001", "RELEASE", null, "RELEASE", "k1"));
            context.audit().record(new DecisionTaken("ben", Instant.now(), "INV-1002", "REJECT", "duplicate", null, "k2"));
        });
        opened.get(30, TimeUnit.SECONDS);
        executor = new UiTaskExecutor();
        window = MainWindow.show(stage, context, executor);
    }

    @AfterEach
    void stop() {
        System.clearProperty("backroom.healthIntervalMillis");
        window.close();
        executor.close();
        context.close();
        gateway.close();
    }

    @Test
    void aGatewayThatStopsAnsweringTurnsTheStatusBarRedAndTheConsoleStaysUsable(FxRobot robot) throws Exception {
        Label status = robot.lookup("#connectionStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getText().startsWith("Connected to gateway"));

        CompletableFuture.runAsync(() -> gateway.gateway().close()).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> status.getStyleClass().contains("danger"));
        assertThat(status.getText()).startsWith("Not connected since").contains("outbox");
        assertThat(robot.lookup("#statusBar").query().getStyleClass()).contains("offline");

        robot.clickOn("#nav-audit");
        assertThat(robot.lookup("#auditView").tryQuery()).isPresent();
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.V).release(KeyCode.V, KeyCode.SHIFT, KeyCode.CONTROL);
        Label integrity = robot.lookup("#integrityStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> integrity.getText().startsWith("Audit log intact"));
    }

}
