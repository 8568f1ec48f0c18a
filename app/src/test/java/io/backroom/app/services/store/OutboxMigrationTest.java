package io.backroom.app.services.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.outbox.InvoiceDecisions;
import io.backroom.app.services.outbox.OutboxItem;
import io.backroom.app.services.outbox.OutboxState;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A home written by the console before the generic outbox keeps its unsent decisions after the upgrade. */
class OutboxMigrationTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

    @Test
    void pendingDecisionsOfAnOlderHomeSurviveTheMoveToTheCommandOutbox() {
        Path db = dir.resolve("console.db");
        try (LocalStore old = LocalStore.open(db, clock, Migrations.all().subList(0, 4))) {
            old.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox(idempotency_key, invoice_id, "
                        + "expected_version, action, payload, actor, created_at, state, attempts, next_attempt_at, "
                        + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)")) {
                    String now = clock.instant().toString();
                    ps.setString(1, "key-1");
                    ps.setString(2, "INV-7");
                    ps.setLong(3, 4);
                    ps.setString(4, "HOLD");
                    ps.setString(5, "{\"reason\":\"waiting for the receipt\"}");
                    ps.setString(6, "ana");
                    ps.setString(7, now);
                    ps.setString(8, "PENDING");
                    ps.setString(9, now);
                    ps.setString(10, now);
                    ps.executeUpdate();
                }
                return null;
            });
            assertThat(old.schemaVersion()).isEqualTo(4);
        }

        try (LocalStore upgraded = LocalStore.open(db, clock)) {
            assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.all().size());
            DecisionOutbox outbox = new DecisionOutbox(upgraded, new AuditLog(upgraded));
            OutboxItem item = outbox.forUser("ana").list(OutboxState.PENDING).get(0);
            assertThat(item.idempotencyKey()).isEqualTo("key-1");
            assertThat(item.kind()).isEqualTo(InvoiceDecisions.KIND);
            assertThat(item.decision().invoiceId()).isEqualTo("INV-7");
            assertThat(item.decision().expectedVersion()).isEqualTo(4L);
            assertThat(item.decision().action()).isEqualTo(DecisionAction.HOLD);
            assertThat(item.decision().reason()).isEqualTo("waiting for the receipt");
            assertThat(outbox.claimNext(clock.instant())).get().extracting(OutboxItem::idempotencyKey).isEqualTo("key-1");
        }
    }
}
