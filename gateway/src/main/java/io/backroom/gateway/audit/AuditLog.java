package io.backroom.gateway.audit;

import io.backroom.api.AuditChain;
import io.backroom.api.ProblemTypes;
import io.backroom.api.model.AuditBatch;
import io.backroom.api.model.AuditBatchResult;
import io.backroom.api.model.AuditEvent;
import io.backroom.api.model.NewAuditEvent;
import io.backroom.api.model.Page;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.core.Violations;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The gateway's copy of the consoles' audit hash chains, verified event by event on receipt. */
public final class AuditLog {
    private AuditLog() {
    }

    public static AuditBatchResult append(Sql tx, AuditBatch batch, Instant now) throws SQLException {
        Violations v = new Violations();
        v.required("source", batch.source());
        v.maxLength("source", batch.source(), 200);
        io.backroom.gateway.core.Ids.check(v, "source", batch.source());
        if (batch.events().isEmpty()) {
            v.add("events", "must hold at least one event");
        }
        if (batch.events().size() > 1000) {
            v.add("events", "must hold at most 1000 events, got " + batch.events().size());
        }
        for (int i = 0; i < batch.events().size(); i++) {
            NewAuditEvent e = batch.events().get(i);
            String f = "events[" + i + "]";
            if (e == null) {
                v.add(f, "must not be null");
                continue;
            }
            v.required(f + ".occurredAt", e.occurredAt());
            v.required(f + ".actor", e.actor());
            v.required(f + ".action", e.action());
            v.required(f + ".prevHash", e.prevHash());
            v.required(f + ".hash", e.hash());
        }
        v.throwIfAny();
        String source = batch.source();
        tx.appendInOrder("audit_events");
        long lastSeq = tx.one("SELECT MAX(sequence) FROM audit_events WHERE source = ?", rs -> rs.getLong(1), source)
                .orElse(0L);
        String lastHash = lastSeq == 0 ? AuditChain.GENESIS : hashAt(tx, source, lastSeq).orElseThrow();
        int accepted = 0;
        int known = 0;
        for (NewAuditEvent e : batch.events()) {
            if (e.sequence() <= lastSeq) {
                Optional<String> stored = hashAt(tx, source, e.sequence());
                if (stored.isPresent() && stored.get().equals(e.hash())) {
                    known++;
                    continue;
                }
                throw broken("event " + e.sequence() + " differs from the one already received for " + source);
            }
            if (e.sequence() != lastSeq + 1) {
                throw broken("expected sequence " + (lastSeq + 1) + " next, got " + e.sequence());
            }
            if (!e.prevHash().equals(lastHash)) {
                throw broken("event " + e.sequence() + " has prevHash " + e.prevHash() + " but the chain ends in "
                        + lastHash);
            }
            String expected = AuditChain.hash(source, e);
            if (!expected.equals(e.hash())) {
                throw broken("event " + e.sequence() + " carries hash " + e.hash() + " but its content hashes to "
                        + expected + " (altered?)");
            }
            tx.update("INSERT INTO audit_events (id, source, sequence, occurred_at, actor, action, subject_type, "
                    + "subject_id, payload, prev_hash, hash, received_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    "AUD-" + UUID.randomUUID(), source, e.sequence(), e.occurredAt(), e.actor(), e.action(),
                    e.subjectType(), e.subjectId(), e.payload(), e.prevHash(), e.hash(), now);
            lastSeq = e.sequence();
            lastHash = e.hash();
            accepted++;
        }
        return new AuditBatchResult(source, accepted, known, lastSeq, lastHash);
    }

    private static Problem broken(String detail) {
        return new Problem(422, ProblemTypes.AUDIT_CHAIN_BROKEN, "Audit chain broken", "The batch does not continue "
                + "the chain: " + detail + ".");
    }

    private static Optional<String> hashAt(Sql tx, String source, long sequence) throws SQLException {
        return tx.one("SELECT hash FROM audit_events WHERE source = ? AND sequence = ?", rs -> rs.getString(1), source,
                sequence);
    }

    /** Events in order of arrival after the given arrival sequence; the cursor is the arrival sequence. */
    public static Page<AuditEvent> list(Sql tx, String source, String subjectId, String actor, long after, int limit)
            throws SQLException {
        List<String> where = new ArrayList<>(List.of("seq > ?"));
        List<Object> params = new ArrayList<>(List.of(after));
        if (source != null) {
            where.add("source = ?");
            params.add(source);
        }
        if (subjectId != null) {
            where.add("subject_id = ?");
            params.add(subjectId);
        }
        if (actor != null) {
            where.add("actor = ?");
            params.add(actor);
        }
        params.add(limit + 1);
        List<long[]> seqs = new ArrayList<>();
        List<AuditEvent> rows = tx.query("SELECT * FROM audit_events WHERE " + String.join(" AND ", where)
                + " ORDER BY seq LIMIT ?", rs -> {
                    seqs.add(new long[] {rs.getLong("seq")});
                    return new AuditEvent(rs.getString("id"), rs.getString("source"), rs.getLong("sequence"),
                            Sql.instant(rs, "occurred_at"), rs.getString("actor"), rs.getString("action"),
                            rs.getString("subject_type"), rs.getString("subject_id"), rs.getString("payload"),
                            rs.getString("prev_hash"), rs.getString("hash"), Sql.instant(rs, "received_at"));
                }, params.toArray());
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        return new Page<>(rows.subList(0, limit), Long.toString(seqs.get(limit - 1)[0]));
    }
}
