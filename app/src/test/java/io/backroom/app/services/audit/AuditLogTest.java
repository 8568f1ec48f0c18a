package io.backroom.app.services.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.AuditChain;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private LocalStore store;
    private AuditLog log;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("console.db"), clock);
        log = new AuditLog(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void chainsEachEntryToTheHashOfThePreviousOne() {
        AuditEntry shown = log.record(modelOutput("ana", "INV-1"));
        clock.advance(Duration.ofMinutes(1));
        AuditEntry decided = log.record(decision("ana", "INV-1", "REQUEST_CREDIT", null, "REQUEST_CREDIT"));

        assertThat(shown.seq()).isEqualTo(1);
        assertThat(shown.prevHash()).isEqualTo(AuditLog.GENESIS);
        assertThat(decided.prevHash()).isEqualTo(shown.hash());
        assertThat(decided.hashMatches()).isTrue();
        assertThat(AuditChain.hash(decided.source(), decided.toWire())).as("the gateway's chain rule").isEqualTo(decided.hash());
        assertThat(decided.toWire().action()).isEqualTo("decision.REQUEST_CREDIT");
        assertThat(decided.toWire().subjectId()).isEqualTo("INV-1");
        assertThat(decided.payload()).containsEntry("advice", "FOLLOWED");
        assertThat(shown.payload()).containsEntry("confidence", "0.87").containsEntry("reason.1", "unit price 4.1% above PO");
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.verify().summary()).contains("2 entries verified");
    }

    @Test
    void recordsWhetherADecisionFollowedOrOverrodeTheModel() {
        assertThat(log.record(decision("ana", "INV-1", "RELEASE", null, "REQUEST_CREDIT")).summary())
                .isEqualTo("RELEASE (overrode the model: REQUEST_CREDIT)");
        assertThat(log.record(decision("ana", "INV-2", "REJECT", "duplicate of INV-1", null)).summary())
                .isEqualTo("REJECT: duplicate of INV-1");
    }

    @Test
    void verifyPinpointsAnEditedEntry() throws Exception {
        writeEntries(5);
        tamper("UPDATE audit_entry SET payload = replace(payload, 'RELEASE', 'REJECT'), action = 'REJECT' WHERE seq = 3");

        IntegrityReport report = log.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(3);
            assertThat(p.type()).isEqualTo(IntegrityReport.Type.EDITED);
        });
        assertThat(report.summary()).contains("Entry #3 was edited");
    }

    @Test
    void verifyFindsAnEntryEditedWithItsHashRecomputed() throws Exception {
        writeEntries(4);
        AuditEntry second = log.findInOrder(AuditQuery.all()).get(1);
        AuditEntry forged = new AuditEntry(second.source(), 2, second.recordedAt(), second.kind(), "mallory",
                second.invoiceId(), second.action(), second.modelName(), second.payload(), second.prevHash(), "");
        String forgedHash = AuditChain.hash(second.source(), forged.toWire());
        tamper("UPDATE audit_entry SET actor = 'mallory', hash = '" + forgedHash + "' WHERE seq = 2");

        assertThat(log.verify().problems()).singleElement().satisfies(p -> {
            assertThat(p.seq()).isEqualTo(2);
            assertThat(p.message()).contains("hash recomputed");
        });
    }

    @Test
    void verifyPinpointsRemovedEntriesInTheMiddleAndAtTheEnd() throws Exception {
        writeEntries(6);
        tamper("DELETE FROM audit_entry WHERE seq IN (2, 3)");
        tamper("DELETE FROM audit_entry WHERE seq = 6");

        IntegrityReport report = log.verify();
        assertThat(report.problems()).extracting(IntegrityReport.Problem::seq).containsExactly(2L, 6L);
        assertThat(report.problems()).extracting(IntegrityReport.Problem::type)
                .containsOnly(IntegrityReport.Type.REMOVED);
        assertThat(report.problems().get(0).message()).isEqualTo("Entries #2 to #3 were removed from the log.");
        assertThat(report.problems().get(1).message()).isEqualTo("Entry #6 was removed from the log.");
    }

    @Test
    void filtersByUserInvoiceModelActionAndDate() {
        log.record(modelOutput("ana", "INV-1"));
        clock.advance(Duration.ofDays(1));
        log.record(decision("ana", "INV-1", "RELEASE", null, null));
        log.record(decision("ben", "INV-2", "REJECT", "wrong supplier", null));

        assertThat(log.find(new AuditQuery("ANA", null, null, null, null, null, null, 0))).hasSize(2);
        assertThat(log.find(new AuditQuery(null, "INV-2", null, null, null, null, null, 0)))
                .extracting(AuditEntry::actor).containsExactly("ben");
        assertThat(log.find(new AuditQuery(null, null, "exception-classifier", null, null, null, null, 0))).hasSize(1);
        assertThat(log.find(new AuditQuery(null, null, null, "release", null, null, null, 0))).hasSize(1);
        assertThat(log.find(new AuditQuery(null, null, null, null, AuditKind.DECISION, null, null, 0))).hasSize(2);
        assertThat(log.find(AuditQuery.between(Instant.parse("2026-03-03T00:00:00Z"), Instant.parse("2026-03-04T00:00:00Z"))))
                .extracting(AuditEntry::invoiceId, AuditEntry::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INV-2", 1L), org.assertj.core.groups.Tuple.tuple("INV-1", 2L));
        assertThat(log.distinct(AuditLog.Column.USER)).containsExactly("ana", "ben");
    }

    @Test
    void pushesEntriesInOrderAndResumesAfterAFailedBatch() throws Exception {
        writeEntries(7);
        List<Long> received = new ArrayList<>();
        int[] calls = {0};
        AuditSink flaky = batch -> {
            if (++calls[0] == 2) {
                throw new AuditSink.PushFailedException("gateway not answering");
            }
            batch.forEach(e -> received.add(e.seq()));
        };
        assertThatThrownBy(() -> log.pushPending("ana", flaky, 3)).isInstanceOf(AuditSink.PushFailedException.class);
        assertThat(log.pushedUpTo("ana")).isEqualTo(3);

        assertThat(log.pushPending("ana", flaky, 3)).isEqualTo(4);
        assertThat(received).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(log.pushedUpTo("ana")).isEqualTo(7);
        assertThat(log.pushPending("ana", flaky, 3)).isZero();
    }

    @Test
    void keepsOneChainPerUserEachFromTheGenesisAndListsThemInTheOrderWritten() throws Exception {
        AuditEntry ana1 = log.record(decision("ana", "INV-1", "RELEASE", null, "RELEASE"));
        clock.advance(Duration.ofMinutes(1));
        AuditEntry ben1 = log.record(modelOutput("ben", "INV-2"));
        clock.advance(Duration.ofMinutes(1));
        AuditEntry ana2 = log.record(modelOutput("ana", "INV-3"));
        clock.advance(Duration.ofMinutes(1));
        AuditEntry ben2 = log.record(decision("ben", "INV-2", "HOLD", "waiting", null));

        assertThat(ana1.source()).isEqualTo(log.source("ana")).startsWith(log.source().substring(0, 20)).endsWith(".ana")
                .matches(GATEWAY_ID);
        assertThat(ben1.source()).isEqualTo(log.source("ben")).isNotEqualTo(ana1.source());
        assertThat(List.of(ana1.seq(), ana2.seq(), ben1.seq(), ben2.seq())).containsExactly(1L, 2L, 1L, 2L);
        assertThat(ben1.prevHash()).isEqualTo(AuditLog.GENESIS);
        assertThat(ana2.prevHash()).isEqualTo(ana1.hash());
        assertThat(ben2.prevHash()).isEqualTo(ben1.hash());
        assertThat(AuditChain.hash(log.source("ben"), ben2.toWire())).isEqualTo(ben2.hash());
        assertThat(log.findInOrder(AuditQuery.all())).containsExactly(ana1, ben1, ana2, ben2);
        assertThat(log.find(AuditQuery.all())).containsExactly(ben2, ana2, ben1, ana1);
        assertThat(log.size()).isEqualTo(4);
        assertThat(log.verify().intact()).isTrue();
        assertThat(log.verify().entriesChecked()).isEqualTo(4);

        List<String> pushed = new ArrayList<>();
        AuditSink sink = batch -> batch.forEach(e -> pushed.add(e.source() + "#" + e.seq() + " " + e.actor()));
        assertThat(log.pushPending("ben", sink, 10)).isEqualTo(2);
        assertThat(pushed).containsExactly(ben1.source() + "#1 ben", ben1.source() + "#2 ben");
        assertThat(log.pushedUpTo("ben")).isEqualTo(2);
        assertThat(log.pushedUpTo("ana")).isZero();
    }

    @Test
    void verifyNamesTheChainOfAnEntryRemovedFromOneOfSeveral() throws Exception {
        log.record(decision("ana", "INV-1", "RELEASE", null, "RELEASE"));
        log.record(decision("ben", "INV-2", "RELEASE", null, "RELEASE"));
        log.record(decision("ben", "INV-3", "RELEASE", null, "RELEASE"));
        log.record(decision("ana", "INV-4", "RELEASE", null, "RELEASE"));
        tamper("DELETE FROM audit_entry WHERE actor = 'ben' AND seq = 2");

        IntegrityReport report = log.verify();
        assertThat(report.problems()).singleElement().satisfies(p -> {
            assertThat(p.type()).isEqualTo(IntegrityReport.Type.REMOVED);
            assertThat(p.source()).isEqualTo(log.source("ben"));
            assertThat(p.message()).isEqualTo("In ben's chain: Entry #2 was removed from the log.");
        });
        assertThat(report.entriesChecked()).isEqualTo(3);
    }

    @Test
    void aUserNameThatDoesNotFitTheGatewaysIdPatternGetsAShortenedChainId() {
        String longName = "a-very-long-user-name-from-the-directory-of-a-large-retailer@example.com";
        String source = log.record(decision(longName, "INV-1", "RELEASE", null, null)).source();
        assertThat(source).matches(GATEWAY_ID).startsWith(log.source().substring(0, 20) + ".a-very-long");
        assertThat(log.record(decision(longName + "x", "INV-1", "RELEASE", null, null)).source()).isNotEqualTo(source);
        assertThat(log.verify().intact()).isTrue();
    }

    /** The gateway's pattern of a client-chosen id ({@code gateway/.../core/Ids}). */
    private static final String GATEWAY_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    @Test
    void survivesReopeningAndContinuesTheChain() {
        writeEntries(2);
        store.close();
        store = LocalStore.open(dir.resolve("console.db"), clock);
        log = new AuditLog(store);
        AuditEntry third = log.record(decision("ana", "INV-9", "RELEASE", null, null));
        assertThat(third.seq()).isEqualTo(3);
        assertThat(log.verify().intact()).isTrue();
    }

    private void writeEntries(int n) {
        for (int i = 1; i <= n; i++) {
            clock.advance(Duration.ofMinutes(1));
            if (i % 2 == 1) {
                log.record(decision("ana", "INV-" + i, "RELEASE", null, "RELEASE"));
            } else {
                log.record(modelOutput("ana", "INV-" + i));
            }
        }
    }

    private void tamper(String sql) throws Exception {
        store.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER IF EXISTS audit_entry_no_update");
                s.execute("DROP TRIGGER IF EXISTS audit_entry_no_delete");
                s.execute(sql);
            }
            return null;
        });
    }

    static ModelOutputShown modelOutput(String user, String invoice) {
        return new ModelOutputShown(user, invoice, "exception-classifier", "1.0.0", "prov-abc", "inputs-123",
                "PRICE_INCREASE -> REQUEST_CREDIT", new BigDecimal("0.87"), List.of("unit price 4.1% above PO"));
    }

    static DecisionTaken decision(String user, String invoice, String action, String reason, String recommended) {
        return new DecisionTaken(user, Instant.parse("2026-03-02T09:00:00Z"), invoice, action, reason, recommended,
                "key-" + invoice + "-" + action);
    }
}
