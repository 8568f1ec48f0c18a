package io.backroom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.AppContext;
import io.backroom.app.config.AppConfig;
import io.backroom.app.services.outbox.Decision;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.services.outbox.OutboxItem;
import io.backroom.app.services.outbox.OutboxState;
import io.backroom.app.testing.SandboxFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
 * Sign out / switch user, from the keyboard, against a real gateway on loopback: the clerk signs
 * out, the supervisor signs in on the same console and sees none of the clerk's outbox items (the
 * clerk's decision waits for the clerk, never sent with someone else's session).
 */
@ExtendWith(ApplicationExtension.class)
class SignOutFxTest {
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
            context.connect();
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

    private static void signInWithTheKeyboard(FxRobot robot, String user) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#username").tryQuery().isPresent());
        robot.clickOn("#username");
        robot.write(user).type(KeyCode.TAB).write("backroom").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#nav-invoices").tryQuery().isPresent()
                && robot.lookup("#invoicesView").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void signOutWithTheKeyboard(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Q).release(KeyCode.Q, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#signInView").tryQuery().isPresent());
    }

    @Test
    void theNextUserSeesNoneOfThePreviousUsersOutboxItems(FxRobot robot) throws Exception {
        signInWithTheKeyboard(robot, "clerk");
        assertThat(robot.lookup("#userStatus").queryAs(Label.class).getText()).endsWith("AP clerk");
        // A decision the gateway refuses (no such invoice) stays in the clerk's outbox, needing them.
        OutboxItem clerks = CompletableFuture.supplyAsync(() -> context.outbox().enqueue(
                new Decision("INV-NOT-THERE", null, DecisionAction.RELEASE, null, null, "clerk", null))).get();
        context.outboxSender().orElseThrow().wake();
        Label outbox = robot.lookup("#outboxStatus").queryAs(Label.class);
        TableView<?> unsent = robot.lookup("#outboxTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> outbox.getText().equals("Outbox: 1 needs you"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> unsent.getItems().size() == 1);
        Node clerksView = robot.lookup("#invoicesView").query();

        signOutWithTheKeyboard(robot);
        Label user = robot.lookup("#userStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> user.getText().equals("Signed out. Sign in to continue."));
        assertThat(robot.lookup("#nav-invoices").tryQuery()).as("no workspace of the clerk stays").isEmpty();
        assertThat(robot.lookup("#invoicesView").tryQuery()).isEmpty();
        assertThat(outbox.getText()).as("nobody's outbox is shown while nobody is signed in").isEmpty();
        assertThat(context.session()).isEmpty();
        assertThat(context.client()).isEmpty();

        signInWithTheKeyboard(robot, "supervisor");
        assertThat(robot.lookup("#userStatus").queryAs(Label.class).getText()).endsWith("AP supervisor");
        Node supervisorsView = robot.lookup("#invoicesView").query();
        assertThat(supervisorsView).as("a fresh workspace").isNotSameAs(clerksView);
        TableView<?> supervisorsUnsent = robot.lookup("#outboxTable").queryAs(TableView.class);
        WaitForAsyncUtils.sleep(500, TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(supervisorsUnsent.getItems()).isEmpty();
        assertThat(robot.lookup("#outboxStatus").queryAs(Label.class).getText()).isEqualTo("Outbox: all sent");
        assertThat(CompletableFuture.supplyAsync(() -> context.commands().list()).get()).isEmpty();

        signOutWithTheKeyboard(robot);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.session().isEmpty());
        List<OutboxItem> everyone = CompletableFuture.supplyAsync(() -> context.commands().list()).get();
        assertThat(everyone).singleElement().satisfies(i -> {
            assertThat(i.idempotencyKey()).isEqualTo(clerks.idempotencyKey());
            assertThat(i.command().user()).isEqualTo("clerk");
            assertThat(i.state()).isEqualTo(OutboxState.FAILED);
            assertThat(i.attempts()).as("never sent with the supervisor's session").isEqualTo(1);
        });
    }
}
