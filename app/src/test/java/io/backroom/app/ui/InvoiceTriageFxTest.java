package io.backroom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.app.AppContext;
import io.backroom.app.config.AppConfig;
import io.backroom.app.services.invoices.QueueItem;
import io.backroom.app.testing.SandboxFixture;
import io.backroom.app.ui.audit.AuditRow;
import io.backroom.app.ui.invoices.MatchRow;
import io.backroom.sdk.BackroomClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
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

/**
 * The clerk's path, headless, against a real gateway on loopback: sign in, open the queue, select
 * an invoice, see its match lines, PDF and model panel, release it with the keyboard, see the
 * audit entry; and a decision that meets a 412 conflict and is taken again.
 */
@ExtendWith(ApplicationExtension.class)
class InvoiceTriageFxTest {
    @TempDir
    Path home;

    private SandboxFixture sandbox;
    private AppContext context;
    private UiTaskExecutor executor;
    private MainWindow window;
    private List<String> ids;

    @Start
    void start(Stage stage) throws Exception {
        System.setProperty("backroom.feedIntervalMillis", "500");
        System.setProperty("backroom.undoWindowMillis", "600");
        CompletableFuture.runAsync(() -> {
            sandbox = new SandboxFixture(home);
            ids = sandbox.heldInvoices("TRI", 4);
            context = new AppContext(AppConfig.resolve(List.of("--home", home.resolve("console").toString(),
                    "--server", sandbox.baseUrl()), Map.of(), home));
        }).get(60, TimeUnit.SECONDS);
        executor = new UiTaskExecutor();
        window = MainWindow.show(stage, context, executor);
    }

    @AfterEach
    void stop() {
        System.clearProperty("backroom.feedIntervalMillis");
        System.clearProperty("backroom.undoWindowMillis");
        window.close();
        executor.close();
        context.close();
        sandbox.close();
    }

    @Test
    void clerkSignsInOpensAnInvoiceAndReleasesItWithTheKeyboard(FxRobot robot) throws Exception {
        signInAsClerk(robot);
        TableView<QueueItem> queue = robot.lookup("#queueTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getItems().size() == 4);
        assertThat(queue.getItems()).isSortedAccordingTo((a, b) -> b.priority().compareTo(a.priority()));

        select(robot, queue, "TRI-1000");
        TableView<MatchRow> grid = robot.lookup("#matchGrid").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.getItems().size() == 1);
        assertThat(grid.getItems().get(0).isBroken()).isTrue();
        assertThat(grid.getItems().get(0).broken()).contains("price");
        ImageView pdf = robot.lookup("#pdfPage").query();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> pdf.getImage() != null);
        Label model = robot.lookup("#modelPanel").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.getText().startsWith("Likely cause:"));
        assertThat(model.getText()).contains("Suggested:").contains("exception-classifier");

        robot.type(KeyCode.R);
        String released = ids.get(0);
        try (BackroomClient clerk = sandbox.client("clerk")) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> clerk.invoices().get(released).status() == InvoiceStatus.RELEASED);
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 3);
        Label outbox = robot.lookup("#outboxStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outbox.getText().equals("Outbox: all sent"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<AuditRow> audit = robot.lookup("#auditTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> audit.getItems().stream()
                .anyMatch(r -> r.invoice().startsWith("TRI-1000") && r.what().startsWith("RELEASE")));
        assertThat(audit.getItems()).as("the model output the clerk saw is on record")
                .anyMatch(r -> r.invoice().startsWith("TRI-1000") && r.kind().toLowerCase(java.util.Locale.ROOT).contains("model"));
    }

    @Test
    void aDecisionOnAnInvoiceSomeoneChangedFirstIsShownAsAConflictAndTakenAgain(FxRobot robot) throws Exception {
        signInAsClerk(robot);
        TableView<QueueItem> queue = robot.lookup("#queueTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getItems().size() == 4);
        select(robot, queue, "TRI-1001");
        String id = ids.get(1);
        TableView<MatchRow> grid = robot.lookup("#matchGrid").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.getItems().size() == 1);

        // The supervisor holds it while the clerk looks at the old version.
        CompletableFuture.runAsync(() -> {
            try (BackroomClient supervisor = sandbox.client("supervisor")) {
                Invoice now = supervisor.invoices().get(id);
                supervisor.invoices().decide(id, now.version(), new DecisionRequest(DecisionType.HOLD, null,
                        "waiting for the buyer's price confirmation", null));
            }
        }).get(20, TimeUnit.SECONDS);

        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#conflictDialog").tryQuery().isPresent());
        robot.clickOn("Decide again");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getSelectionModel().getSelectedItem() != null
                && queue.getSelectionModel().getSelectedItem().id().equals(id) && grid.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#queueTable");
        select(robot, queue, "TRI-1001");
        robot.type(KeyCode.C);

        try (BackroomClient clerk = sandbox.client("clerk")) {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                    () -> clerk.invoices().get(id).status() == InvoiceStatus.AWAITING_CREDIT);
        }
        Label outbox = robot.lookup("#outboxStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> outbox.getText().equals("Outbox: all sent"));
    }

    @Test
    void aReleaseTheGatewayRefusesComesBackToTheQueueWithANotificationAndCtrlGOpensIt(FxRobot robot) throws Exception {
        signInAsClerk(robot);
        TableView<QueueItem> queue = robot.lookup("#queueTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getItems().size() == 4);
        select(robot, queue, "TRI-1002");
        TableView<MatchRow> grid = robot.lookup("#matchGrid").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> grid.getItems().size() == 1);
        // An administrator lowers the clerk's limit while the console still has the old one: only the gateway knows.
        CompletableFuture.runAsync(() -> sandbox.changeClerkReleaseLimit(io.backroom.api.model.Money.of("10.00", "EUR")))
                .get(20, TimeUnit.SECONDS);
        Thread.sleep(2_100);

        robot.type(KeyCode.R);
        Label notice = robot.lookup("#invoiceNotice").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> notice.getText().startsWith("Refused by the gateway: release of TRI-1002"));
        assertThat(notice.getText()).contains("above your release limit of 10").contains("Ctrl+G");
        assertThat(notice.getStyleClass()).contains("banner-danger");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getItems().stream()
                .anyMatch(i -> i.invoiceNumber().equals("TRI-1002")));
        select(robot, queue, "TRI-1000");
        robot.press(KeyCode.CONTROL, KeyCode.G).release(KeyCode.G, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getSelectionModel().getSelectedItem() != null
                && queue.getSelectionModel().getSelectedItem().invoiceNumber().equals("TRI-1002"));

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT2).release(KeyCode.DIGIT2, KeyCode.CONTROL);
        TableView<AuditRow> audit = robot.lookup("#auditTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> audit.getItems().stream()
                .anyMatch(r -> r.invoice().startsWith("TRI-1002") && r.kind().equals("Outcome")
                        && r.what().startsWith("RELEASE refused: ")));
    }

    @Test
    void anAdministratorSeesDecisionsOffWithTheReasonAndTheDetailFollowsTheSearch(FxRobot robot) throws Exception {
        signInAs(robot, "admin");
        TableView<QueueItem> queue = robot.lookup("#queueTable").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> queue.getItems().size() == 4);
        Label header = robot.lookup("#invoiceHeader").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> header.getText().contains("PO "));
        assertThat(robot.lookup("#release").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#hold").queryButton().isDisabled()).isTrue();
        Label hint = robot.lookup("#decisionHint").queryAs(Label.class);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).contains("may not decide");
        robot.clickOn("#queueTable");
        robot.type(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#invoicesMessage").queryAs(Label.class).getText()).contains("is not yours to take");
        assertThat(context.outbox().list()).isEmpty();

        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("TRI-1003");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 1);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> header.getText().startsWith("TRI-1003")
                && header.getText().contains("PO "));
        assertThat(robot.lookup("#queueTable").query().isFocused()).as("Enter moves into the results").isTrue();
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> queue.getItems().size() == 4);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#queueSearch").query().isFocused()).as("a second Esc leaves the field").isFalse();
    }

    private static void signInAsClerk(FxRobot robot) throws Exception {
        signInAs(robot, "clerk");
    }

    private static void signInAs(FxRobot robot, String user) throws Exception {
        robot.clickOn("#username").write(user);
        robot.clickOn("#password").write("backroom");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup("#queueTable").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void select(FxRobot robot, TableView<QueueItem> queue, String number) throws Exception {
        robot.interact(() -> {
            int row = 0;
            for (int i = 0; i < queue.getItems().size(); i++) {
                if (queue.getItems().get(i).invoiceNumber().equals(number)) {
                    row = i;
                }
            }
            queue.getSelectionModel().clearAndSelect(row);
            queue.requestFocus();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }
}
