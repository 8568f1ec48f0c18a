package io.backroom.app.services.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.app.services.audit.AuditEntry;
import io.backroom.app.services.audit.AuditKind;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditQuery;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecisionOutboxTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private final LedgerGateway gateway = new LedgerGateway();
    private LocalStore store;
    private AuditLog audit;
    private DecisionOutbox outbox;
    private OutboxSender sender;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("console.db"), clock);
        audit = new AuditLog(store);
        outbox = new DecisionOutbox(store, audit);
        sender = new OutboxSender(outbox, gateway, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
                new SplittableRandom(7)), clock);
    }

    @AfterEach
    void close() {
        sender.close();
        store.close();
    }

    @Test
    void queuesTheDecisionAndItsAuditEntryTogether() {
        OutboxItem item = outbox.enqueue(release("INV-1", 3L));

        assertThat(item.state()).isEqualTo(OutboxState.PENDING);
        assertThat(item.idempotencyKey()).isNotBlank();
        List<AuditEntry> entries = audit.find(AuditQuery.all());
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(AuditKind.DECISION);
            assertThat(e.invoiceId()).isEqualTo("INV-1");
            assertThat(e.payload()).containsEntry("idempotencyKey", item.idempotencyKey())
                    .containsEntry("advice", "FOLLOWED");
        });
        assertThat(outbox.summary().text()).isEqualTo("Outbox: 1 waiting");
    }

    @Test
    void sendsQueuedDecisionsInOrderAndMarksThemDone() {
        List<OutboxItem> items = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            items.add(outbox.enqueue(release("INV-" + i, 1L)));
        }
        assertThat(sender.drainDue()).isEqualTo(5);

        assertThat(gateway.applied).containsExactlyElementsOf(items.stream().map(OutboxItem::idempotencyKey).toList());
        assertThat(outbox.list(OutboxState.DONE)).hasSize(5);
        assertThat(outbox.summary().text()).isEqualTo("Outbox: all sent");
    }

    @Test
    void retriesATransientFailureWithBackoffAndTheSameKey() {
        OutboxItem item = outbox.enqueue(release("INV-1", 1L));
        gateway.failNext = 2;

        sender.drainDue();
        OutboxItem waiting = outbox.get(item.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo(OutboxState.PENDING);
        assertThat(waiting.lastError()).isEqualTo("503 Service Unavailable");
        assertThat(waiting.nextAttemptAt()).isAfter(clock.instant());
        assertThat(sender.drainDue()).as("not due yet").isZero();

        clock.advance(Duration.ofSeconds(1));
        sender.drainDue();
        clock.advance(Duration.ofSeconds(2));
        sender.drainDue();

        assertThat(outbox.get(item.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
        assertThat(outbox.get(item.id()).orElseThrow().attempts()).isEqualTo(3);
        assertThat(gateway.receivedKeys).containsOnly(item.idempotencyKey()).hasSize(3);
        assertThat(gateway.applied).containsExactly(item.idempotencyKey());
    }

    @Test
    void aStaleVersionBecomesAConflictThatThePersonDecidesAgain() {
        gateway.versions.put("INV-1", 5L);
        OutboxItem stale = outbox.enqueue(release("INV-1", 4L));
        sender.drainDue();

        OutboxItem conflict = outbox.get(stale.id()).orElseThrow();
        assertThat(conflict.state()).isEqualTo(OutboxState.CONFLICT);
        assertThat(conflict.lastError()).contains("Someone changed this invoice first: released by ben")
                .contains("version 5").contains("Decide again");
        assertThat(outbox.summary().text()).isEqualTo("Outbox: 1 needs you");

        OutboxItem again = outbox.redecide(stale.id(), new Decision("INV-1", 5L, DecisionAction.HOLD, "checking with buyer",
                null, "ana", null));
        sender.drainDue();

        assertThat(outbox.get(stale.id()).orElseThrow().state()).isEqualTo(OutboxState.DISCARDED);
        assertThat(outbox.get(again.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
        assertThat(gateway.applied).containsExactly(again.idempotencyKey());
        assertThat(audit.find(AuditQuery.all())).filteredOn(e -> e.kind() == AuditKind.DECISION)
                .extracting(AuditEntry::action).containsExactly("HOLD", "RELEASE");
        assertThat(audit.findInOrder(AuditQuery.all())).extracting(e -> e.kind() + " " + e.action() + " "
                + e.payload().getOrDefault("result", "")).containsExactly("DECISION RELEASE ", "OUTCOME RELEASE CONFLICT",
                "DECISION HOLD ", "OUTCOME HOLD APPLIED");
    }

    @Test
    void theGatewaysAnswerIsRecordedAsItsOwnChainedEntryAfterTheDecision() {
        DecisionSender refusing = item -> new SendOutcome.Rejected("Invoice INV-1 totals 10457.50 EUR, above your "
                + "release limit of 10000 EUR; an AP supervisor must release it.");
        OutboxSender strict = new OutboxSender(outbox, refusing, Backoff.standard(), clock);
        OutboxItem refused = outbox.enqueue(release("INV-1", 1L));
        strict.drainDue();
        strict.close();
        OutboxItem applied = outbox.enqueue(release("INV-2", 1L));
        sender.drainDue();

        List<AuditEntry> chain = audit.findInOrder(AuditQuery.all());
        assertThat(chain).extracting(AuditEntry::kind).containsExactly(AuditKind.DECISION, AuditKind.OUTCOME,
                AuditKind.DECISION, AuditKind.OUTCOME);
        AuditEntry refusal = chain.get(1);
        assertThat(refusal.payload()).containsEntry("result", "REFUSED")
                .containsEntry("idempotencyKey", refused.idempotencyKey());
        assertThat(refusal.summary()).isEqualTo("RELEASE refused: Invoice INV-1 totals 10457.50 EUR, above your release "
                + "limit of 10000 EUR; an AP supervisor must release it.");
        assertThat(refusal.prevHash()).isEqualTo(chain.get(0).hash());
        assertThat(chain.get(3).payload()).containsEntry("result", "APPLIED")
                .containsEntry("idempotencyKey", applied.idempotencyKey());
        assertThat(chain.get(3).toWire().action()).isEqualTo("decision-outcome.APPLIED");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void aDecisionWaitsOutItsUndoWindowAndCanBeTakenBackUntilThen() {
        OutboxItem undone = outbox.enqueue(release("INV-1", 1L), Duration.ofSeconds(5));
        OutboxItem kept = outbox.enqueue(release("INV-2", 1L), Duration.ofSeconds(5));
        assertThat(sender.drainDue()).as("nothing leaves inside the undo window").isZero();

        assertThat(outbox.undo(undone.id())).isTrue();
        clock.advance(Duration.ofSeconds(5));
        assertThat(sender.drainDue()).isEqualTo(1);
        assertThat(outbox.undo(kept.id())).as("too late once sent").isFalse();

        assertThat(gateway.applied).containsExactly(kept.idempotencyKey());
        assertThat(outbox.get(undone.id()).orElseThrow().state()).isEqualTo(OutboxState.DISCARDED);
        assertThat(audit.findInOrder(AuditQuery.all())).filteredOn(e -> e.kind() == AuditKind.OUTCOME)
                .extracting(AuditEntry::summary).containsExactly("RELEASE undone before sending", "RELEASE applied");
    }

    @Test
    void aLaterDecisionOnTheSameInvoiceWaitsBehindAnEarlierOne() {
        gateway.versions.put("INV-1", 9L);
        OutboxItem first = outbox.enqueue(release("INV-1", 1L));
        OutboxItem other = outbox.enqueue(release("INV-2", 1L));
        OutboxItem second = outbox.enqueue(new Decision("INV-1", 9L, DecisionAction.HOLD, "note", null, "ana", null));

        sender.drainDue();

        assertThat(outbox.get(first.id()).orElseThrow().state()).isEqualTo(OutboxState.CONFLICT);
        assertThat(outbox.get(other.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
        assertThat(outbox.get(second.id()).orElseThrow().state()).isEqualTo(OutboxState.PENDING);

        outbox.discard(first.id());
        sender.drainDue();
        assertThat(outbox.get(second.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
    }

    @Test
    void aRefusalFailsUntilThePersonRetriesIt() {
        DecisionSender refusing = item -> new SendOutcome.Rejected("You may not release invoices above 10,000.00.");
        OutboxSender strict = new OutboxSender(outbox, refusing, Backoff.standard(), clock);
        OutboxItem item = outbox.enqueue(release("INV-1", 1L));
        strict.drainDue();
        strict.close();

        assertThat(outbox.get(item.id()).orElseThrow().state()).isEqualTo(OutboxState.FAILED);
        assertThat(outbox.summary().needingAttention()).isEqualTo(1);
        outbox.retry(item.id());
        sender.drainDue();
        assertThat(outbox.get(item.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
    }

    @Test
    void aDecisionInterruptedMidSendIsSentAgainWithItsKeyAndAppliedOnce() {
        OutboxItem item = outbox.enqueue(release("INV-1", 1L));
        // The console claims the decision and the gateway applies it, then the console dies before recording it.
        OutboxItem claimed = outbox.claimNext(clock.instant()).orElseThrow();
        gateway.send(claimed);
        store.close();

        store = LocalStore.open(dir.resolve("console.db"), clock);
        audit = new AuditLog(store);
        outbox = new DecisionOutbox(store, audit);
        assertThat(outbox.get(item.id()).orElseThrow().state()).isEqualTo(OutboxState.SENDING);
        sender = new OutboxSender(outbox, gateway, Backoff.standard(), clock);
        assertThat(outbox.recoverInterrupted()).isEqualTo(1);
        sender.drainDue();

        assertThat(outbox.get(item.id()).orElseThrow().state()).isEqualTo(OutboxState.DONE);
        assertThat(gateway.receivedKeys).containsExactly(item.idempotencyKey(), item.idempotencyKey());
        assertThat(gateway.applied).containsExactly(item.idempotencyKey());
    }

    @Test
    void theBackgroundSenderDeliversWhenWokenAndWhenTheGatewayComesBack() throws Exception {
        OutboxSender background = new OutboxSender(outbox, gateway, new Backoff(Duration.ofMillis(20),
                Duration.ofMillis(50), new SplittableRandom(1)), java.time.Clock.systemUTC());
        gateway.down = true;
        background.start();
        OutboxItem item = outbox.enqueue(release("INV-1", 1L));
        background.wake();
        waitUntil(() -> gateway.receivedKeys.size() >= 2);
        assertThat(outbox.get(item.id()).orElseThrow().state()).isIn(OutboxState.PENDING, OutboxState.SENDING);

        gateway.down = false;
        waitUntil(() -> outbox.get(item.id()).orElseThrow().state() == OutboxState.DONE);
        background.close();
        assertThat(gateway.applied).containsExactly(item.idempotencyKey());
    }

    @Test
    void refusesADecisionMissingWhatTheActionNeeds() {
        assertThatThrownBy(() -> new Decision("INV-1", 1L, DecisionAction.REJECT, " ", null, "ana", null))
                .hasMessage("Reject needs a reason or note.");
        assertThatThrownBy(() -> new Decision("INV-1", 1L, DecisionAction.ROUTE_TO_BUYER, null, null, "ana", null))
                .hasMessage("Route to buyer needs the buyer to route the invoice to.");
        assertThatThrownBy(() -> new Decision("", 1L, DecisionAction.RELEASE, null, null, "ana", null))
                .hasMessageContaining("invoice");
        assertThat(outbox.list()).isEmpty();
    }

    private static Decision release(String invoice, Long version) {
        return new Decision(invoice, version, DecisionAction.RELEASE, null, null, "ana", "RELEASE");
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
