package io.backroom.app.ui.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.Money;
import io.backroom.app.services.audit.AuditEntry;
import io.backroom.app.services.audit.AuditKind;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditQuery;
import io.backroom.app.services.gateway.GatewayDecisionSender;
import io.backroom.app.services.invoices.DecisionAuthority;
import io.backroom.app.services.invoices.DecisionService;
import io.backroom.app.services.invoices.InvoiceQueueService;
import io.backroom.app.services.invoices.Prioritiser;
import io.backroom.app.services.invoices.QueueItem;
import io.backroom.app.services.outbox.Backoff;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.outbox.OutboxSender;
import io.backroom.app.services.outbox.OutboxState;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.tasks.TaskExecutor;
import io.backroom.app.testing.SandboxFixture;
import io.backroom.sdk.BackroomClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards around a clerk's decisions, without a toolkit, against a real gateway on loopback: what the console knows
 * it refuses before the user tries; what only the gateway knows comes back as a notification with the invoice back in
 * the queue; the detail pane never shows, with live decisions, an invoice the queue does not.
 */
class InvoiceTriageGuardsViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("UTC");

    @TempDir
    Path dir;

    private SandboxFixture sandbox;
    private BackroomClient clerk;
    private LocalStore store;
    private AuditLog audit;
    private DecisionOutbox outbox;
    private OutboxSender sender;
    private InvoiceQueueViewModel vm;
    private InvoicesViewModel unsent;

    @BeforeEach
    void open() {
        sandbox = new SandboxFixture(dir);
        sandbox.heldInvoices("GRD", 4);
        clerk = sandbox.client("clerk");
        store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC());
        audit = new AuditLog(store);
        outbox = new DecisionOutbox(store, audit);
        sender = new OutboxSender(outbox, new GatewayDecisionSender(() -> clerk), Backoff.standard(), Clock.systemUTC());
        vm = new InvoiceQueueViewModel(TaskExecutor.direct(),
                new InvoiceQueueService(() -> Optional.of(clerk), Prioritiser.moneyAtRisk(), Clock.systemUTC(), ZONE),
                new DecisionService(outbox, Optional::empty), () -> "clerk", Clock.systemUTC(), ZONE);
        vm.useUndoWindow(Duration.ZERO);
        unsent = new InvoicesViewModel(TaskExecutor.direct(), outbox, ZONE);
        unsent.useLabels(vm::invoiceLabel);
        unsent.onUnsent(vm::onUnsent);
    }

    @AfterEach
    void close() {
        sender.close();
        store.close();
        clerk.close();
        sandbox.close();
    }

    @Test
    void aReleaseAboveTheClerksLimitIsOffAndExplainedBeforeTheyTry() {
        vm.useAuthority(() -> new DecisionAuthority("U-CLERK", java.util.Set.of(DecisionAuthority.DECIDE,
                DecisionAuthority.RELEASE), Money.of("50.00", "EUR")));
        vm.reload();
        QueueItem item = vm.selectedProperty().get();
        assertThat(item.total().amount()).isGreaterThan(new java.math.BigDecimal("50"));

        assertThat(vm.releaseEnabledProperty().get()).isFalse();
        assertThat(vm.decisionsEnabledProperty().get()).as("the other decisions stay on").isTrue();
        assertThat(vm.decisionHintProperty().get()).isEqualTo("Release: Above your 50.00 EUR release limit: route it to a "
                + "supervisor (B).");
        vm.decide(DecisionAction.RELEASE, null, null);

        assertThat(vm.messageProperty().get()).startsWith("Release of " + item.invoiceNumber() + " is not yours to take");
        assertThat(outbox.list()).as("nothing was queued").isEmpty();
        assertThat(vm.queue()).contains(item);
    }

    @Test
    void anAdministratorSeesEveryDecisionOffWithTheReason() {
        try (BackroomClient admin = sandbox.client("admin")) {
            DecisionAuthority adminAuthority = DecisionAuthority.of(admin.me());
            vm.useAuthority(() -> adminAuthority);
        }
        vm.reload();

        assertThat(vm.decisionsEnabledProperty().get()).isFalse();
        assertThat(vm.releaseEnabledProperty().get()).isFalse();
        assertThat(vm.decisionHintProperty().get()).contains("may not decide");
        vm.decide(DecisionAction.HOLD, "looking", null);
        assertThat(outbox.list()).isEmpty();
    }

    @Test
    void aDecisionTheGatewayRefusesPutsTheInvoiceBackWithANotificationNamingItAndTheReason() throws Exception {
        vm.reload();
        QueueItem item = vm.selectedProperty().get();
        sandbox.changeClerkReleaseLimit(Money.of("10.00", "EUR"));
        Thread.sleep(2_100); // the gateway re-reads a token's user after two seconds

        vm.decide(DecisionAction.RELEASE, null, null);
        assertThat(vm.queue()).as("gone while it waits for the answer").doesNotContain(item);
        sender.drainDue();
        unsent.refresh();

        assertThat(vm.noticeIsRefusalProperty().get()).isTrue();
        assertThat(vm.noticeProperty().get()).startsWith("Refused by the gateway: release of " + item.invoiceNumber()
                + " · " + item.supplierName() + ".").contains("above your release limit of 10").contains("Ctrl+G");
        assertThat(vm.queue()).extracting(QueueItem::id).contains(item.id());
        assertThat(unsent.unsent()).singleElement().satisfies(r -> {
            assertThat(r.invoice()).isEqualTo(item.invoiceNumber() + " · " + item.supplierName());
            assertThat(r.status()).isEqualTo(OutboxState.FAILED);
        });
        vm.selectedProperty().set(vm.queue().stream().filter(i -> !i.id().equals(item.id())).findFirst().orElseThrow());
        vm.openNoticed();
        assertThat(vm.selectedProperty().get().id()).isEqualTo(item.id());

        List<AuditEntry> chain = audit.findInOrder(AuditQuery.all());
        assertThat(chain).extracting(AuditEntry::kind).containsExactly(AuditKind.DECISION, AuditKind.OUTCOME);
        assertThat(chain.get(1).summary()).startsWith("RELEASE refused: ").contains("above your release limit");
    }

    @Test
    void theDetailFollowsTheQueueAndAFailedLoadTurnsTheDecisionsOff() {
        vm.reload();
        QueueItem first = vm.selectedProperty().get();
        QueueItem other = vm.queue().stream().filter(i -> !i.equals(first)).findFirst().orElseThrow();

        vm.searchProperty().set(other.invoiceNumber());
        assertThat(vm.selectedProperty().get()).as("the filtered-out invoice is not shown").isEqualTo(other);
        assertThat(vm.detailProperty().get().id()).isEqualTo(other.id());
        assertThat(vm.detailStateProperty().get()).isEqualTo(InvoiceQueueViewModel.DetailState.READY);
        vm.searchProperty().set("");

        // Someone else decides the shown invoice: the next load moves on, never leaving it live on screen.
        try (BackroomClient supervisor = sandbox.client("supervisor")) {
            supervisor.invoices().decide(other.id(), supervisor.invoices().get(other.id()).version(),
                    new DecisionRequest(DecisionType.REQUEST_CREDIT, null, null, null));
            supervisor.invoices().decide(other.id(), supervisor.invoices().get(other.id()).version(),
                    new DecisionRequest(DecisionType.RELEASE, null, null, null));
        }
        vm.selectedProperty().set(other);
        vm.reload();
        assertThat(vm.selectedProperty().get().id()).isNotEqualTo(other.id());
        assertThat(vm.messageProperty().get()).contains(other.invoiceNumber()).contains("left the queue");

        sandbox.gateway().close();
        QueueItem next = vm.queue().stream().filter(i -> !i.equals(vm.selectedProperty().get())).findFirst().orElseThrow();
        vm.selectedProperty().set(next);

        assertThat(vm.detailStateProperty().get()).isEqualTo(InvoiceQueueViewModel.DetailState.FAILED);
        assertThat(vm.detailStatusProperty().get()).contains(next.invoiceNumber()).contains("F5");
        assertThat(vm.decisionsEnabledProperty().get()).isFalse();
        assertThat(vm.releaseEnabledProperty().get()).isFalse();
        assertThat(vm.matchRows()).isEmpty();
        vm.decide(DecisionAction.RELEASE, null, null);
        assertThat(vm.messageProperty().get()).startsWith("Release is off: ");
        assertThat(outbox.list()).isEmpty();
    }

    @Test
    void aDecisionCanBeUndoneInItsWindowAndComesBackToTheQueue() {
        vm.useUndoWindow(Duration.ofSeconds(30));
        vm.reload();
        QueueItem item = vm.selectedProperty().get();
        vm.decide(DecisionAction.REQUEST_CREDIT, null, null);
        assertThat(vm.noticeProperty().get()).contains("Ctrl+Z");
        assertThat(sender.drainDue()).as("waits out its undo window").isZero();

        vm.undo();

        assertThat(vm.queue()).extracting(QueueItem::id).contains(item.id());
        assertThat(vm.selectedProperty().get().id()).isEqualTo(item.id());
        assertThat(outbox.list()).singleElement().satisfies(i -> assertThat(i.state()).isEqualTo(OutboxState.DISCARDED));
        assertThat(audit.findInOrder(AuditQuery.all())).extracting(AuditEntry::summary)
                .containsExactly("REQUEST_CREDIT", "REQUEST_CREDIT undone before sending");
    }

    @Test
    void bulkReleaseReleasesTheQualifyingPartAndSaysWhatWasLeftAndWhy() {
        vm.useAuthority(() -> new DecisionAuthority("U-CLERK", java.util.Set.of(DecisionAuthority.DECIDE,
                DecisionAuthority.RELEASE), Money.of("10000.00", "EUR")));
        vm.bulkTolerancePercentProperty().set(12);
        vm.reload();
        // GRD-1000 is 10 % over the PO price, GRD-1001 12.5 %, GRD-1002 15 %, GRD-1003 17.5 %.
        vm.bulkRelease(List.copyOf(vm.queue()));

        assertThat(outbox.list()).hasSize(1);
        assertThat(vm.noticeProperty().get()).startsWith("Release of 1 of 4 selected within 12%");
        assertThat(vm.messageProperty().get()).startsWith("Left in the queue: ").contains("GRD-1001 (price 12.5% off, above 12%)")
                .contains("GRD-1003");
        assertThat(vm.queue()).hasSize(3);
    }
}
