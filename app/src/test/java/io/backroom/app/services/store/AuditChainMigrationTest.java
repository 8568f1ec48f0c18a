package io.backroom.app.services.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.AuditChain;
import io.backroom.app.services.audit.AuditEntry;
import io.backroom.app.services.audit.AuditKind;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditQuery;
import io.backroom.app.services.audit.AuditSink;
import io.backroom.app.services.audit.CanonicalEncoding;
import io.backroom.app.services.audit.DecisionTaken;
import io.backroom.app.services.audit.IntegrityReport;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import io.backroom.app.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A home written when the console kept one audit chain for every user keeps that chain, under its
 * old source and verifiable, after the move to one chain per user.
 */
class AuditChainMigrationTest {
    private static final String LEGACY = "console-0f8fad5b-d9cb-469f-a165-70867728950e";

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));

    @Test
    void aSingleChainHomeStillVerifiesAndPushesOnlyWhatItsFirstActorMaySend() throws Exception {
        Path db = dir.resolve("console.db");
        List<AuditEntry> legacy = new ArrayList<>();
        try (LocalStore old = LocalStore.open(db, clock, Migrations.all().subList(0, 5))) {
            old.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_source(id, source) VALUES (1, ?)")) {
                    ps.setString(1, LEGACY);
                    ps.executeUpdate();
                }
                String prev = AuditLog.GENESIS;
                String[] actors = {"ana", "ana", "ben", "ana"};
                for (int i = 0; i < actors.length; i++) {
                    Instant at = Instant.parse("2026-03-01T10:00:00Z").plusSeconds(60L * i);
                    TreeMap<String, String> payload = new TreeMap<>();
                    payload.put("advice", "NONE");
                    AuditEntry unhashed = new AuditEntry(LEGACY, i + 1, at, AuditKind.DECISION, actors[i], "INV-" + i,
                            "RELEASE", null, payload, prev, "");
                    String hash = AuditChain.hash(LEGACY, unhashed.toWire());
                    AuditEntry e = new AuditEntry(LEGACY, i + 1, at, AuditKind.DECISION, actors[i], "INV-" + i,
                            "RELEASE", null, payload, prev, hash);
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry(seq, recorded_at, kind, "
                            + "actor, invoice_id, action, model_name, payload, prev_hash, hash) "
                            + "VALUES (?, ?, 'DECISION', ?, ?, 'RELEASE', NULL, ?, ?, ?)")) {
                        ps.setLong(1, i + 1);
                        ps.setString(2, at.toString());
                        ps.setString(3, actors[i]);
                        ps.setString(4, "INV-" + i);
                        ps.setString(5, CanonicalEncoding.encode(payload));
                        ps.setString(6, prev);
                        ps.setString(7, hash);
                        ps.executeUpdate();
                    }
                    legacy.add(e);
                    prev = hash;
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_head(id, seq, hash) VALUES (1, 4, ?)")) {
                    ps.setString(1, prev);
                    ps.executeUpdate();
                }
                // the first entry had reached the gateway before the upgrade
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO audit_push_cursor(id, seq, pushed_at) VALUES (1, 1, '2026-03-01T10:05:00Z')")) {
                    ps.executeUpdate();
                }
                return null;
            });
            assertThat(old.schemaVersion()).isEqualTo(5);
        }

        try (LocalStore upgraded = LocalStore.open(db, clock)) {
            assertThat(upgraded.schemaVersion()).isEqualTo(Migrations.all().size());
            AuditLog log = new AuditLog(upgraded);
            assertThat(log.source()).isEqualTo(LEGACY);
            assertThat(log.findInOrder(AuditQuery.all())).containsExactlyElementsOf(legacy);
            assertThat(log.verify().intact()).isTrue();
            assertThat(log.verify().entriesChecked()).isEqualTo(4);

            clock.advance(java.time.Duration.ofDays(1));
            AuditEntry mine = log.record(new DecisionTaken("ana", clock.instant(), "INV-9", "HOLD", "waiting", null, "k9"));
            assertThat(mine.source()).isEqualTo(LEGACY.substring(0, 20) + ".ana");
            assertThat(mine.seq()).isEqualTo(1);
            assertThat(mine.prevHash()).isEqualTo(AuditLog.GENESIS);
            IntegrityReport report = log.verify();
            assertThat(report.intact()).isTrue();
            assertThat(report.entriesChecked()).isEqualTo(5);
            assertThat(log.findInOrder(AuditQuery.all())).last().isEqualTo(mine);

            List<String> pushed = new ArrayList<>();
            AuditSink sink = batch -> batch.forEach(e -> pushed.add(e.source() + "#" + e.seq()));
            // ben is not the legacy chain's first actor: the gateway would refuse him its source
            assertThat(log.pushPending("ben", sink, 10)).isZero();
            // ana sends her own chain and the legacy chain's entries up to ben's
            assertThat(log.pushPending("ana", sink, 10)).isEqualTo(2);
            assertThat(pushed).containsExactly(mine.source() + "#1", LEGACY + "#2");
            assertThat(log.pushPending("ana", sink, 10)).isZero();

            // tamper-evidence still holds for the migrated chain
            upgraded.transaction(c -> {
                try (var s = c.createStatement()) {
                    s.execute("DROP TRIGGER audit_entry_no_delete");
                    s.execute("DELETE FROM audit_entry WHERE hash = '" + legacy.get(3).hash() + "'");
                }
                return null;
            });
            assertThat(log.verify().problems()).singleElement().satisfies(p -> {
                assertThat(p.type()).isEqualTo(IntegrityReport.Type.REMOVED);
                assertThat(p.source()).isEqualTo(LEGACY);
                assertThat(p.message()).isEqualTo("In the installation's first chain: Entry #4 was removed from the log.");
            });
        }
    }
}
