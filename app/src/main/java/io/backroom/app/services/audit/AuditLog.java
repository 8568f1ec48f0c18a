package io.backroom.app.services.audit;

import io.backroom.api.AuditChain;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.services.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The append-only, hash-chained audit log in the local store. Every model output shown and every
 * decision taken becomes one {@link AuditEntry} whose hash covers the previous entry's hash, so
 * {@link #verify()} finds any entry edited or removed afterwards. The database refuses UPDATE and
 * DELETE on the table (triggers); the chain catches whoever works around them.
 */
public final class AuditLog {
    /** The previous hash of the first entry. */
    public static final String GENESIS = AuditChain.GENESIS;

    private static final String COLUMNS =
            "seq, recorded_at, kind, actor, invoice_id, action, model_name, payload, prev_hash, hash";

    private final LocalStore store;
    private final List<Consumer<AuditEntry>> listeners = new CopyOnWriteArrayList<>();
    private final String source;

    /** Opens the log of {@code store}; the first time, gives this installation's chain a random id. */
    public AuditLog(LocalStore store) {
        this.store = store;
        this.source = store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source FROM audit_source WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return rs.getString(1);
                }
            }
            String id = "console-" + UUID.randomUUID();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_source(id, source) VALUES (1, ?)")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            return id;
        });
    }

    /** This installation's chain id, sent with every pushed batch. */
    public String source() {
        return source;
    }

    /** Calls {@code listener} (on the writing thread) after each entry is committed, until cancelled. */
    public io.backroom.app.services.Subscription onAppend(Consumer<AuditEntry> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** How many append listeners are registered. */
    public int listenerCount() {
        return listeners.size();
    }

    /** Records a model output shown to a person. */
    public AuditEntry record(ModelOutputShown shown) {
        return append(AuditKind.MODEL_OUTPUT, shown.user(), shown.invoiceId(), shown.output(), shown.modelName(),
                shown.payload());
    }

    /**
     * Records a decision. Called inside the outbox's transaction so a decision is queued and
     * audited together or not at all.
     */
    public AuditEntry record(DecisionTaken decision) {
        return append(AuditKind.DECISION, decision.user(), decision.invoiceId(), decision.action(), null,
                decision.payload());
    }

    /**
     * Records the gateway's answer to a decision (or its undo) as its own entry after the decision's. Called inside the
     * outbox's transaction that records the new state, so the outbox and the log never disagree.
     */
    public AuditEntry record(DecisionOutcome outcome) {
        return append(AuditKind.OUTCOME, outcome.user(), outcome.invoiceId(), outcome.action(), null, outcome.payload());
    }

    private AuditEntry append(AuditKind kind, String actor, String invoiceId, String action, String modelName,
                              Map<String, String> payloadFields) {
        SortedMap<String, String> payload = CanonicalEncoding.decode(CanonicalEncoding.encode(payloadFields));
        AuditEntry entry = store.transaction(c -> {
            long seq;
            String prevHash;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                seq = rs.next() ? rs.getLong(1) + 1 : 1;
                prevHash = seq == 1 ? GENESIS : rs.getString(2);
            }
            Instant now = store.clock().instant();
            String hash = AuditChain.hash(source,
                    AuditEntry.wire(seq, now, kind, actor, invoiceId, action, modelName, payload, prevHash, null));
            AuditEntry e = new AuditEntry(source, seq, now, kind, actor, invoiceId, action, modelName, payload, prevHash,
                    hash);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry(" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, seq);
                ps.setString(2, now.toString());
                ps.setString(3, kind.name());
                ps.setString(4, actor);
                ps.setString(5, invoiceId);
                ps.setString(6, action);
                ps.setString(7, modelName);
                ps.setString(8, CanonicalEncoding.encode(payload));
                ps.setString(9, prevHash);
                ps.setString(10, hash);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_head(id, seq, hash) VALUES (1, ?, ?) "
                    + "ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash")) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                ps.executeUpdate();
            }
            return e;
        });
        listeners.forEach(l -> l.accept(entry));
        return entry;
    }

    /** Entries matching {@code query}, newest first. */
    public List<AuditEntry> find(AuditQuery query) {
        return select(query, false);
    }

    /** Entries matching {@code query}, oldest first (for reports). */
    public List<AuditEntry> findInOrder(AuditQuery query) {
        return select(query, true);
    }

    private List<AuditEntry> select(AuditQuery q, boolean ascending) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_entry WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        where(sql, args, "actor", q.user());
        where(sql, args, "invoice_id", q.invoiceId());
        where(sql, args, "model_name", q.model());
        where(sql, args, "action", q.action());
        where(sql, args, "kind", q.kind() == null ? null : q.kind().name());
        if (q.from() != null) {
            sql.append(" AND recorded_at >= ?");
            args.add(q.from().toString());
        }
        if (q.to() != null) {
            sql.append(" AND recorded_at < ?");
            args.add(q.to().toString());
        }
        sql.append(" ORDER BY seq ").append(ascending ? "ASC" : "DESC");
        if (q.limit() > 0) {
            sql.append(" LIMIT ").append(q.limit());
        }
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                return readAll(ps, source);
            }
        });
    }

    private static void where(StringBuilder sql, List<String> args, String column, String value) {
        if (value != null && !value.isBlank()) {
            sql.append(" AND ").append(column).append(" = ? COLLATE NOCASE");
            args.add(value.trim());
        }
    }

    /** Distinct values of a column, for filter pickers: users, models, actions. */
    public List<String> distinct(Column column) {
        return store.transaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + column.sql + " FROM audit_entry WHERE "
                    + column.sql + " IS NOT NULL ORDER BY 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Filterable columns. */
    public enum Column {
        USER("actor"), MODEL("model_name"), ACTION("action");

        private final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    /** Number of entries written (the head of the chain). */
    public long size() {
        return store.transaction(c -> {
            String seq = head(c)[0];
            return seq == null ? 0L : Long.parseLong(seq);
        });
    }

    /** Walks the whole chain and reports every entry edited or removed since it was written. */
    public IntegrityReport verify() {
        return store.transaction(c -> {
            List<IntegrityReport.Problem> problems = new ArrayList<>();
            long expectedSeq = 1;
            String prevHash = GENESIS;
            long checked = 0;
            AuditEntry previous = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_entry ORDER BY seq");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checked++;
                    AuditEntry e;
                    try {
                        e = read(rs, source);
                    } catch (IllegalArgumentException | java.time.DateTimeException bad) {
                        long seq = rs.getLong("seq");
                        problems.add(new IntegrityReport.Problem(seq, IntegrityReport.Type.EDITED,
                                "Entry #" + seq + " was edited: it can no longer be read (" + bad.getMessage() + ")."));
                        prevHash = rs.getString("hash");
                        expectedSeq = seq + 1;
                        previous = null;
                        continue;
                    }
                    boolean gap = e.seq() > expectedSeq;
                    if (gap) {
                        problems.add(removed(expectedSeq, e.seq() - 1));
                    }
                    if (!e.hashMatches()) {
                        problems.add(new IntegrityReport.Problem(e.seq(), IntegrityReport.Type.EDITED,
                                "Entry #" + e.seq() + " was edited: its content no longer matches its hash."));
                    } else if (!gap && !e.prevHash().equals(prevHash) && previous != null) {
                        problems.add(new IntegrityReport.Problem(previous.seq(), IntegrityReport.Type.EDITED,
                                "Entry #" + previous.seq() + " was edited and its hash recomputed: entry #"
                                        + e.seq() + " no longer links to it."));
                    } else if (!gap && !e.prevHash().equals(prevHash)) {
                        problems.add(new IntegrityReport.Problem(e.seq(), IntegrityReport.Type.EDITED,
                                "Entry #" + e.seq() + " does not link to the entry before it."));
                    }
                    prevHash = e.hash();
                    expectedSeq = e.seq() + 1;
                    previous = e;
                }
            }
            String[] head = head(c);
            long headSeq = head[0] == null ? 0 : Long.parseLong(head[0]);
            if (headSeq >= expectedSeq) {
                problems.add(removed(expectedSeq, headSeq));
            } else if (headSeq == expectedSeq - 1 && previous != null && headSeq > 0 && !head[1].equals(prevHash)) {
                problems.add(new IntegrityReport.Problem(headSeq, IntegrityReport.Type.EDITED,
                        "Entry #" + headSeq + " was edited and its hash recomputed: it no longer matches the recorded head of the log."));
            }
            return new IntegrityReport(checked, headSeq, problems);
        });
    }

    private static IntegrityReport.Problem removed(long first, long last) {
        String which = first == last ? "Entry #" + first + " was removed" : "Entries #" + first + " to #" + last + " were removed";
        return new IntegrityReport.Problem(first, IntegrityReport.Type.REMOVED, which + " from the log.");
    }

    private static String[] head(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new String[] {Long.toString(rs.getLong(1)), rs.getString(2)} : new String[] {null, null};
        }
    }

    // ---- push to the gateway, in order -------------------------------------------------------

    /** The last sequence number the gateway has acknowledged (0 when none). */
    public long pushedUpTo() {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_push_cursor WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Pushes every entry after the cursor to {@code sink}, oldest first, in batches; the cursor
     * advances only past batches the sink acknowledged. Returns how many entries were pushed.
     */
    public long pushPending(AuditSink sink, int batchSize) throws AuditSink.PushFailedException {
        long pushed = 0;
        while (true) {
            long cursor = pushedUpTo();
            List<AuditEntry> batch = store.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT " + COLUMNS + " FROM audit_entry WHERE seq > ? ORDER BY seq LIMIT ?")) {
                    ps.setLong(1, cursor);
                    ps.setInt(2, batchSize);
                    return readAll(ps, source);
                }
            });
            if (batch.isEmpty()) {
                return pushed;
            }
            sink.push(batch);
            long last = batch.get(batch.size() - 1).seq();
            store.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_push_cursor(id, seq, pushed_at) "
                        + "VALUES (1, ?, ?) ON CONFLICT(id) DO UPDATE SET seq = excluded.seq, pushed_at = excluded.pushed_at")) {
                    ps.setLong(1, last);
                    ps.setString(2, store.clock().instant().toString());
                    ps.executeUpdate();
                }
                return null;
            });
            pushed += batch.size();
        }
    }

    private static List<AuditEntry> readAll(PreparedStatement ps, String source) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(read(rs, source));
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    throw new StoreException("Audit entry #" + rs.getLong("seq") + " cannot be read ("
                            + e.getMessage() + "); run Verify integrity to see what was changed.", e);
                }
            }
        }
        return out;
    }

    private static AuditEntry read(ResultSet rs, String source) throws SQLException {
        String kind = rs.getString("kind");
        AuditKind parsedKind;
        try {
            parsedKind = AuditKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind '" + kind + "'", e);
        }
        return new AuditEntry(source, rs.getLong("seq"), Instant.parse(rs.getString("recorded_at")), parsedKind,
                rs.getString("actor"), rs.getString("invoice_id"), rs.getString("action"), rs.getString("model_name"),
                CanonicalEncoding.decode(rs.getString("payload")), rs.getString("prev_hash"), rs.getString("hash"));
    }

}
