package io.backroom.app.services.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.app.services.Subscription;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox for any kind of command: per-user views, a sender per kind, order per target. */
class CommandOutboxTest {
    private static final String APPROVAL = "approval.decision";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private LocalStore store;
    private CommandOutbox outbox;
    private DecisionOutbox decisions;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("console.db"), clock);
        outbox = new CommandOutbox(store);
        decisions = new DecisionOutbox(outbox, new AuditLog(store));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static OutboxCommand approve(String proposal, String user) {
        return approve(proposal, null, user);
    }

    private static OutboxCommand approve(String proposal, Long seenVersion, String user) {
        return new OutboxCommand(APPROVAL, proposal, "APPROVE", seenVersion, Map.of("note", "ok for the north"), user);
    }

    @Test
    void oneUserSeesAndSendsOnlyTheirOwnCommands() {
        decisions.enqueue(new Decision("INV-1", 1L, DecisionAction.RELEASE, null, null, "clerk", null));
        outbox.enqueue(approve("PROP-1", "clerk"));
        decisions.enqueue(new Decision("INV-2", 1L, DecisionAction.RELEASE, null, null, "supervisor", null));

        assertThat(outbox.forUser("supervisor").list()).singleElement()
                .satisfies(i -> assertThat(i.command().target()).isEqualTo("INV-2"));
        assertThat(outbox.forUser("supervisor").summary().waiting()).isEqualTo(1);
        assertThat(outbox.forUser("clerk").summary().waiting()).isEqualTo(2);
        assertThat(decisions.forUser("clerk").list()).singleElement()
                .satisfies(i -> assertThat(i.decision().invoiceId()).isEqualTo("INV-1"));
        assertThatThrownBy(() -> outbox.forUser("supervisor").enqueue(approve("PROP-2", "clerk")))
                .isInstanceOf(IllegalArgumentException.class);
        long clerksItem = outbox.forUser("clerk").list().get(0).id();
        assertThatThrownBy(() -> outbox.forUser("supervisor").get(clerksItem).orElseThrow())
                .isInstanceOf(java.util.NoSuchElementException.class);

        LedgerGateway gateway = new LedgerGateway();
        LedgerGateway approvals = new LedgerGateway();
        CommandSenders senders = CommandSenders.of(InvoiceDecisions.KIND, gateway).register(APPROVAL, approvals);
        try (OutboxSender sender = new OutboxSender(outbox.forUser("supervisor"), senders, Backoff.standard(), clock)) {
            assertThat(sender.drainDue()).isEqualTo(1);
        }
        assertThat(gateway.applied).hasSize(1);
        assertThat(approvals.applied).isEmpty();
        assertThat(outbox.forUser("clerk").summary().waiting()).as("the clerk's commands wait for the clerk").isEqualTo(2);
    }

    @Test
    void aCommandOfAKindWithNoSenderWaitsUntouched() {
        OutboxItem approval = outbox.enqueue(approve("PROP-1", "ana"));
        OutboxItem decision = decisions.enqueue(new Decision("INV-1", 1L, DecisionAction.RELEASE, null, null, "ana", null));
        LedgerGateway gateway = new LedgerGateway();
        CommandSenders senders = CommandSenders.of(InvoiceDecisions.KIND, gateway);
        try (OutboxSender sender = new OutboxSender(outbox.forUser("ana"), senders, Backoff.standard(), clock)) {
            assertThat(sender.drainDue()).isEqualTo(1);
            assertThat(outbox.get(approval.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);
            assertThat(outbox.get(approval.id()).orElseThrow().attempts()).isZero();
            assertThat(outbox.get(decision.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);

            LedgerGateway approvals = new LedgerGateway();
            senders.register(APPROVAL, approvals);
            assertThat(sender.drainDue()).isEqualTo(1);
            assertThat(approvals.applied).containsExactly(approval.idempotencyKey());
        }
        assertThat(outbox.get(approval.id()).orElseThrow().command().payload()).containsEntry("note", "ok for the north");
    }

    @Test
    void aConflictNamesTheCommandsSubjectAndBlocksOnlyItsOwnTarget() {
        LedgerGateway approvals = new LedgerGateway();
        approvals.versions.put("PROP-1", 3L);
        OutboxItem stale = outbox.enqueue(approve("PROP-1", 2L, "ana"));
        OutboxItem after = outbox.enqueue(approve("PROP-1", 3L, "ana"));
        OutboxItem other = outbox.enqueue(approve("PROP-2", "ana"));
        try (OutboxSender sender = new OutboxSender(outbox, CommandSenders.of(APPROVAL, approvals), Backoff.standard(),
                clock)) {
            sender.drainDue();
        }
        OutboxItem conflict = outbox.get(stale.id()).orElseThrow();
        assertThat(conflict.state()).isEqualTo(OutboxState.CONFLICT);
        assertThat(conflict.lastError()).startsWith("Someone changed this approval first")
                .endsWith("Decide again on the current approval.");
        assertThat(outbox.get(after.id()).orElseThrow().state()).as("waits behind the conflict").isEqualTo(OutboxState.PENDING);
        assertThat(outbox.get(other.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
        assertThatThrownBy(conflict::decision).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aCancelledListenerHearsNothingMore() {
        List<OutboxSummary> heard = new ArrayList<>();
        List<OutboxSummary> heardByBen = new ArrayList<>();
        Subscription s = outbox.forUser("ana").onChange(heard::add);
        outbox.forUser("ben").onChange(heardByBen::add);
        outbox.enqueue(approve("PROP-1", "ana"));
        s.cancel();
        outbox.enqueue(approve("PROP-2", "ana"));

        assertThat(heard).singleElement().satisfies(sum -> assertThat(sum.waiting()).isEqualTo(1));
        assertThat(heardByBen).hasSize(2).allSatisfy(sum -> assertThat(sum.waiting()).isZero());
        assertThat(outbox.listenerCount()).isEqualTo(1);
    }
}
