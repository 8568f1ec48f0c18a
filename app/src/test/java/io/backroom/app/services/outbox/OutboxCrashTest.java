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

/** Kills a real console process (SIGKILL) while it writes decisions, then checks nothing was lost or doubled. */
class OutboxCrashTest {
    @TempDir
    Path dir;

    @Test
    void aProcessKilledMidWriteLosesAndDoublesNoDecision() throws Exception {
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
            DecisionOutbox outbox = new DecisionOutbox(store, audit);
            List<OutboxItem> queued = outbox.list();
            List<String> keys = queued.stream().map(OutboxItem::idempotencyKey).toList();
            assertThat(keys).doesNotHaveDuplicates().containsAll(acknowledged);

            List<String> auditedKeys = audit.findInOrder(new AuditQuery(null, null, null, null, AuditKind.DECISION,
                    null, null, 0)).stream().map(AuditEntry::payload).map(p -> p.get("idempotencyKey")).toList();
            assertThat(auditedKeys).as("every queued decision is audited once, and nothing else")
                    .containsExactlyElementsOf(keys);
            IntegrityReport integrity = audit.verify();
            assertThat(integrity.intact()).as(integrity.summary()).isTrue();

            LedgerGateway gateway = new LedgerGateway();
            try (OutboxSender sender = new OutboxSender(outbox, gateway, Backoff.standard(), Clock.systemUTC())) {
                sender.drainDue();
            }
            assertThat(gateway.applied).containsExactlyElementsOf(keys);
        }
    }
}
