package io.backroom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.AppContext;
import io.backroom.app.config.AppConfig;
import io.backroom.app.testing.SandboxFixture;
import io.backroom.app.ui.invoices.InvoicesWorkspace;
import io.backroom.app.ui.shell.Command;
import io.backroom.app.ui.shell.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.control.Label;
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
 * The real workspaces against a real gateway: only the shown one holds listeners and follows the
 * change feed; switching away removes every one of them; what is not registered is offered nowhere.
 */
@ExtendWith(ApplicationExtension.class)
class WorkspaceLifecycleFxTest {
    @TempDir
    Path home;
    @TempDir
    static Path gatewayHome;

    private static SandboxFixture gateway;
    private AppContext context;
    private UiTaskExecutor executor;
    private MainWindow window;

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
        CompletableFuture.runAsync(() -> {
            context = new AppContext(AppConfig.resolve(List.of("--home", home.toString(), "--server", gateway.baseUrl()),
                    Map.of(), home));
            context.signIn("clerk", "backroom".toCharArray());
        }).get(30, TimeUnit.SECONDS);
        executor = new UiTaskExecutor();
        window = MainWindow.show(stage, context, executor);
    }

    @AfterEach
    void stop() {
        window.close();
        executor.close();
        context.close();
    }

    private <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(read.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void noWorkspaceListenerSurvivesDeactivationAndTheQueueStopsFollowingTheFeedWhileHidden(FxRobot robot)
            throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        List<Workspace> workspaces = onFx(() -> List.copyOf(window.model().workspaces()));
        assertThat(workspaces).extracting(Workspace::id).containsExactly("invoices", "audit");
        InvoicesWorkspace invoices = (InvoicesWorkspace) workspaces.get(0);
        Workspace audit = workspaces.get(1);
        assertThat(onFx(invoices::active)).isTrue();
        assertThat(onFx(invoices::liveSubscriptions)).isPositive();
        assertThat(invoices.followsChangeFeed()).isTrue();
        int outboxListenersWithInvoices = context.commands().listenerCount();
        int auditListenersWithInvoices = context.audit().listenerCount();

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(audit::active)).isTrue();
        assertThat(onFx(invoices::active)).isFalse();
        assertThat(onFx(invoices::liveSubscriptions)).isZero();
        assertThat(invoices.followsChangeFeed()).as("the queue does not reload while hidden").isFalse();
        assertThat(context.commands().listenerCount()).isEqualTo(outboxListenersWithInvoices - 1);
        assertThat(context.audit().listenerCount()).isEqualTo(auditListenersWithInvoices + 1);

        for (Workspace shown : workspaces) {
            onFx(() -> window.model().open(shown));
            for (Workspace other : workspaces) {
                if (other != shown) {
                    assertThat(onFx(other::liveSubscriptions)).as(other.id() + " while " + shown.id() + " is shown")
                            .isZero();
                }
            }
        }

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT1).release(KeyCode.DIGIT1, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(invoices::active)).isTrue();
        assertThat(invoices.followsChangeFeed()).isTrue();
        assertThat(context.audit().listenerCount()).isEqualTo(auditListenersWithInvoices);
    }

    @Test
    void aWorkspaceThatIsNotRegisteredIsOfferedNowhere(FxRobot robot) {
        assertThat(robot.lookup("#nav-anomalies").tryQuery()).isEmpty();
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        robot.write("go to");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#commandPalette .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Invoices", "Audit").doesNotContain("Anomalies", "Approvals", "Integrations", "Insights");
        robot.type(KeyCode.ESCAPE);
        robot.write('?');
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#shortcutsOverlay .label").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Go to Invoices", "Release").doesNotContain("Go to Anomalies");
    }
}
