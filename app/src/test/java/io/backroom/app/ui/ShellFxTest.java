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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The shell headless against a real gateway on loopback (started here so the test can stop it):
 * role-aware navigation, shortcuts overlay, command palette, theme remembered, the audit
 * workspace's verify and export, and the UI-thread guard.
 */
@ExtendWith(ApplicationExtension.class)
class ShellFxTest {
    @TempDir
    Path home;

    private static SandboxFixture gateway;
    private AppContext context;
    private UiTaskExecutor executor;
    private MainWindow window;

    @TempDir
    static Path gatewayHome;

    @BeforeAll
    static void startGateway() {
        gateway = new SandboxFixture(gatewayHome);
    }

    @AfterAll
    static void stopGateway() {
        gateway.close();
    }

    @Start
    void start(Stage stage) throws Exception {
        CompletableFuture<Void> opened = CompletableFuture.runAsync(() -> {
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
        window.close();
        executor.close();
        context.close();
    }

    @Test
    void showsOnlyTheWorkspacesTheRoleMayUseAndTheUserInTheStatusBar(FxRobot robot) {
        assertThat(robot.lookup("#nav-invoices").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-audit").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-anomalies").tryQuery()).isEmpty();
        assertThat(robot.lookup("#userStatus").queryAs(Label.class).getText()).endsWith("AP clerk");
        assertThat(robot.lookup("#outboxStatus").queryAs(Label.class).getText()).isEqualTo("Outbox: all sent");
        assertThat(robot.lookup("#modelStatus").queryAs(Label.class).getText()).startsWith("Models:");
    }

    @Test
    void questionMarkShowsEveryShortcutAndEscapeClosesIt(FxRobot robot) {
        robot.write('?');
        WaitForAsyncUtils.waitForFxEvents();
        Node overlay = robot.lookup("#shortcutsOverlay").query();
        assertThat(overlay.isVisible()).isTrue();
        assertThat(robot.lookup("#shortcutsOverlay .label").queryAllAs(Label.class))
                .extracting(Label::getText).contains("Release", "Verify audit log integrity", "Ctrl+K");
        robot.type(KeyCode.ESCAPE);
        assertThat(robot.lookup("#overlay").query().isVisible()).isFalse();
    }

    @Test
    void commandPaletteJumpsToTheAuditWorkspaceAndVerifiesTheLog(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#commandPalette").query().isVisible()).isTrue();
        robot.write("verify audit");
        robot.type(KeyCode.ENTER);

        Label integrity = robot.lookup("#integrityStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> integrity.getText().startsWith("Audit log intact"));
        assertThat(integrity.getText()).contains("2 entries verified");
        TableView<?> table = robot.lookup("#auditTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
    }

    @Test
    void exportsTheAuditReportFromTheKeyboard(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        robot.press(KeyCode.CONTROL, KeyCode.E).release(KeyCode.E, KeyCode.CONTROL);
        Label message = robot.lookup("#auditMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> message.getText().startsWith("Exported 2 entries"));
        try (var files = Files.list(home.resolve("reports"))) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".pdf");
        }
    }

    @Test
    void remembersTheThemeThePersonPicked(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L).release(KeyCode.L, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> context.settings().get(MainWindow.THEME).orElse("").equals("dark"));
        assertThat(robot.lookup("#shell").query().getStyleClass()).contains("theme-dark");
    }

    @Test
    void slowWorkOnTheFxThreadFailsLoudly() throws Exception {
        assertThat(BlockingWorkGuard.strict()).as("surefire sets backroom.strictThreads").isTrue();
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                context.audit().verify();
                failure.complete(null);
            } catch (RuntimeException e) {
                failure.complete(e);
            }
        });
        assertThat(failure.get(10, TimeUnit.SECONDS)).isInstanceOf(BlockingWorkGuard.UiThreadViolation.class)
                .hasMessageContaining("SQLite ran on the UI thread");
        CompletableFuture<Throwable> opening = new CompletableFuture<>();
        Platform.runLater(() -> {
            try (LocalStore ignored = LocalStore.open(home.resolve("other.db"), Clock.systemUTC())) {
                opening.complete(null);
            } catch (RuntimeException e) {
                opening.complete(e);
            }
        });
        assertThat(opening.get(10, TimeUnit.SECONDS)).isInstanceOf(BlockingWorkGuard.UiThreadViolation.class);
        IntegrityReport offThread = context.audit().verify();
        assertThat(offThread.intact()).isTrue();
    }
}
