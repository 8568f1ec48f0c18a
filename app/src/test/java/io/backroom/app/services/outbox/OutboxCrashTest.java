package io.backroom.app.services.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.services.audit.AuditEntry;
import io.backroom.app.services.audit.AuditKind;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditQuery;
import io.backroom.app.services.audit.IntegrityReport;
import io.backroom.app.services.store.LocalStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real console process (SIGKILL) while it writes commands of two kinds (invoice decisions
 * and a second kind), then checks nothing was lost or doubled and each kind reaches its own sender
 * exactly once.
 */
class OutboxCrashTest {
    @TempDir
    Path dir;

    @Test
    void aProcessKilledMidWriteLosesAndDoublesNoCommandOfAnyKind() throws Exception {
        Path db = dir.resolve("console.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OutboxCrashChild.class.getName(), db.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        Set<String> acknowledged = new HashSet<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acknowledged.size() < 300 && (line = out.readLine()) != null) {
                acknowledged.add(line.substring("committed ".length()));
            }
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(acknowledged).hasSize(300);

        try (LocalStore store = LocalStore.open(db, Clock.systemUTC())) {
            AuditLog audit = new AuditLog(store);
            CommandOutbox commands = new CommandOutbox(store);
            DecisionOutbox outbox = new DecisionOutbox(commands, audit);
            List<String> allKeys = commands.list().stream().map(OutboxItem::idempotencyKey).toList();
            assertThat(allKeys).doesNotHaveDuplicates().containsAll(acknowledged);
            List<String> keys = outbox.list().stream().map(OutboxItem::idempotencyKey).toList();
            List<String> adjustmentKeys = commands.ofKind(OutboxCrashChild.ADJUSTMENT).list().stream()
                    .map(OutboxItem::idempotencyKey).toList();
            assertThat(adjustmentKeys).as("the second kind was written too").hasSizeGreaterThan(90);
            assertThat(keys.size() + adjustmentKeys.size()).isEqualTo(allKeys.size());

            List<String> auditedKeys = audit.findInOrder(new AuditQuery(null, null, null, null, AuditKind.DECISION,
                    null, null, 0)).stream().map(AuditEntry::payload).map(p -> p.get("idempotencyKey")).toList();
            assertThat(auditedKeys).as("every queued decision is audited once, and nothing else")
                    .containsExactlyElementsOf(keys);
            IntegrityReport integrity = audit.verify();
            assertThat(integrity.intact()).as(integrity.summary()).isTrue();

            LedgerGateway gateway = new LedgerGateway();
            LedgerGateway stock = new LedgerGateway();
            CommandSenders senders = CommandSenders.of(InvoiceDecisions.KIND, gateway)
                    .register(OutboxCrashChild.ADJUSTMENT, stock);
            try (OutboxSender sender = new OutboxSender(commands.forUser("ana"), senders, Backoff.standard(),
                    Clock.systemUTC())) {
                sender.drainDue();
                assertThat(sender.drainDue()).as("a second pass finds nothing left to send").isZero();
            }
            assertThat(gateway.applied).containsExactlyElementsOf(keys);
            assertThat(stock.applied).containsExactlyElementsOf(adjustmentKeys);
            assertThat(commands.summary().count(OutboxState.DONE)).isEqualTo(allKeys.size());
        }
    }
}
