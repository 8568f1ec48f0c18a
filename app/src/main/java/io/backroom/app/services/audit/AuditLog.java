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
import java.util.Optional;
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
    /** The columns of an entry read with its chain's source ({@code e} is the entry, {@code c} its chain). */
    private static final String READ = "SELECT e.seq, e.recorded_at, e.kind, e.actor, e.invoice_id, e.action, "
            + "e.model_name, e.payload, e.prev_hash, e.hash, c.source AS source FROM audit_entry e "
            + "LEFT JOIN audit_chain c ON c.id = e.chain";
    /** The gateway's pattern of a client-chosen id, which a chain's source must match. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** How much of the installation's id a user's chain id keeps (room is left for the user name). */
    private static final int INSTALLATION_PART = 20;

    private final LocalStore store;
    private final List<Consumer<AuditEntry>> listeners = new CopyOnWriteArrayList<>();
    private final String source;

    /** Opens the log of {@code store}; the first time, gives this installation a random id. */
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

    /**
     * This installation's id. Homes that kept one chain for every user (before one chain per user)
     * still have it as the source of that legacy chain, so what was pushed of it still matches the
     * gateway.
     */
    public String source() {
        return source;
    }

    /**
     * The id of {@code user}'s chain on this installation, sent with every batch of it: the first
     * {@value #INSTALLATION_PART} characters of the installation's id, a dot and the user name
     * (shortened with a hash of it when it does not fit the gateway's id pattern).
     */
    public String source(String user) {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT source FROM audit_chain WHERE owner = ?")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return rs.getString(1);
                    }
                }
            }
            return userSource(source, user);
        });
    }

    static String userSource(String installation, String user) {
        String prefix = installation.substring(0, Math.min(INSTALLATION_PART, installation.length()));
        String candidate = prefix + "." + user;
        if (ID.matcher(candidate).matches()) {
            return candidate;
        }
        String cleaned = user.replaceAll("[^A-Za-z0-9._-]", "");
        String digest = CanonicalEncoding.sha256(user).substring(0, 12);
        int room = 64 - prefix.length() - 1 - digest.length() - 1;
        return prefix + "." + cleaned.substring(0, Math.min(room, cleaned.length())) + "-" + digest;
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
            Chain chain = chainOf(c, actor);
            long seq = chain.headSeq() + 1;
            String prevHash = seq == 1 ? GENESIS : chain.headHash();
            Instant now = store.clock().instant();
            String hash = AuditChain.hash(chain.source(),
                    AuditEntry.wire(seq, now, kind, actor, invoiceId, action, modelName, payload, prevHash, null));
            AuditEntry e = new AuditEntry(chain.source(), seq, now, kind, actor, invoiceId, action, modelName, payload,
                    prevHash, hash);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry(chain, " + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setLong(1, chain.id());
                ps.setLong(2, seq);
                ps.setString(3, now.toString());
                ps.setString(4, kind.name());
                ps.setString(5, actor);
                ps.setString(6, invoiceId);
                ps.setString(7, action);
                ps.setString(8, modelName);
                ps.setString(9, CanonicalEncoding.encode(payload));
                ps.setString(10, prevHash);
                ps.setString(11, hash);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_chain SET head_seq = ?, head_hash = ? WHERE id = ?")) {
                ps.setLong(1, seq);
                ps.setString(2, hash);
                ps.setLong(3, chain.id());
                ps.executeUpdate();
            }
            return e;
        });
        listeners.forEach(l -> l.accept(entry));
        return entry;
    }

    /**
     * One hash chain of this installation: each user's own ({@code owner} set), and in homes from
     * before one chain per user the legacy chain of every user's entries ({@code owner} null).
     */
    private record Chain(long id, String source, String owner, long headSeq, String headHash, long pushedSeq) {
        boolean legacy() {
            return owner == null;
        }

        String name() {
            return legacy() ? "the installation's first chain" : owner + "'s chain";
        }
    }

    private static final String CHAIN = "SELECT id, source, owner, head_seq, head_hash, pushed_seq FROM audit_chain";

    private static Chain chain(ResultSet rs) throws SQLException {
        return new Chain(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getLong(6));
    }

    private static List<Chain> chains(Connection c) throws SQLException {
        List<Chain> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(CHAIN + " ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(chain(rs));
            }
        }
        return out;
    }

    private static Optional<Chain> ownChain(Connection c, String user) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CHAIN + " WHERE owner = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(chain(rs)) : Optional.empty();
            }
        }
    }

    /** {@code actor}'s chain, created (empty) with its source the first time they record something. */
    private Chain chainOf(Connection c, String actor) throws SQLException {
        Optional<Chain> existing = ownChain(c, actor);
        if (existing.isPresent()) {
            return existing.get();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_chain(source, owner, head_seq, pushed_seq) VALUES (?, ?, 0, 0)")) {
            ps.setString(1, userSource(source, actor));
            ps.setString(2, actor);
            ps.executeUpdate();
        }
        return ownChain(c, actor).orElseThrow();
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
        StringBuilder sql = new StringBuilder(READ + " WHERE 1 = 1");
        List<String> args = new ArrayList<>();
        where(sql, args, "e.actor", q.user());
        where(sql, args, "e.invoice_id", q.invoiceId());
        where(sql, args, "e.model_name", q.model());
        where(sql, args, "e.action", q.action());
        where(sql, args, "e.kind", q.kind() == null ? null : q.kind().name());
        if (q.from() != null) {
            sql.append(" AND e.recorded_at >= ?");
            args.add(q.from().toString());
        }
        if (q.to() != null) {
            sql.append(" AND e.recorded_at < ?");
            args.add(q.to().toString());
        }
        // the order written, across every chain
        sql.append(" ORDER BY e.id ").append(ascending ? "ASC" : "DESC");
        if (q.limit() > 0) {
            sql.append(" LIMIT ").append(q.limit());
        }
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setString(i + 1, args.get(i));
                }
                return readAll(ps);
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

    /** Number of entries written (the heads of every chain). */
    public long size() {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(head_seq), 0) FROM audit_chain");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Walks every chain and reports every entry edited or removed since it was written. With more
     * than one chain, each problem names the chain (whose user) it is in.
     */
    public IntegrityReport verify() {
        return store.transaction(c -> {
            List<Chain> chains = chains(c);
            List<IntegrityReport.Problem> problems = new ArrayList<>();
            long checked = 0;
            long heads = 0;
            for (Chain chain : chains) {
                String prefix = chains.size() > 1 ? "In " + chain.name() + ": " : "";
                checked += verify(c, chain, prefix, problems);
                heads += chain.headSeq();
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM audit_entry "
                    + "WHERE chain NOT IN (SELECT id FROM audit_chain) ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checked++;
                    long seq = rs.getLong(1);
                    problems.add(new IntegrityReport.Problem(seq, IntegrityReport.Type.EDITED, "Entry #" + seq
                            + " was edited: it names a chain this installation does not have.", null));
                }
            }
            return new IntegrityReport(checked, heads, problems);
        });
    }

    private static long verify(Connection c, Chain chain, String prefix, List<IntegrityReport.Problem> problems)
            throws SQLException {
        long expectedSeq = 1;
        String prevHash = GENESIS;
        long checked = 0;
        AuditEntry previous = null;
        String source = chain.source();
        try (PreparedStatement ps = c.prepareStatement(READ + " WHERE e.chain = ? ORDER BY e.seq")) {
            ps.setLong(1, chain.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checked++;
                    AuditEntry e;
                    try {
                        e = read(rs);
                    } catch (IllegalArgumentException | java.time.DateTimeException bad) {
                        long seq = rs.getLong("seq");
                        problems.add(new IntegrityReport.Problem(seq, IntegrityReport.Type.EDITED, prefix
                                + "Entry #" + seq + " was edited: it can no longer be read (" + bad.getMessage() + ").",
                                source));
                        prevHash = rs.getString("hash");
                        expectedSeq = seq + 1;
                        previous = null;
                        continue;
                    }
                    boolean gap = e.seq() > expectedSeq;
                    if (gap) {
                        problems.add(removed(expectedSeq, e.seq() - 1, prefix, source));
                    }
                    if (!e.hashMatches()) {
                        problems.add(new IntegrityReport.Problem(e.seq(), IntegrityReport.Type.EDITED, prefix
                                + "Entry #" + e.seq() + " was edited: its content no longer matches its hash.", source));
                    } else if (!gap && !e.prevHash().equals(prevHash) && previous != null) {
                        problems.add(new IntegrityReport.Problem(previous.seq(), IntegrityReport.Type.EDITED, prefix
                                + "Entry #" + previous.seq() + " was edited and its hash recomputed: entry #"
                                + e.seq() + " no longer links to it.", source));
                    } else if (!gap && !e.prevHash().equals(prevHash)) {
                        problems.add(new IntegrityReport.Problem(e.seq(), IntegrityReport.Type.EDITED, prefix
                                + "Entry #" + e.seq() + " does not link to the entry before it.", source));
                    }
                    prevHash = e.hash();
                    expectedSeq = e.seq() + 1;
                    previous = e;
                }
            }
        }
        long headSeq = chain.headSeq();
        if (headSeq >= expectedSeq) {
            problems.add(removed(expectedSeq, headSeq, prefix, source));
        } else if (headSeq == expectedSeq - 1 && previous != null && headSeq > 0
                && !prevHash.equals(chain.headHash())) {
            problems.add(new IntegrityReport.Problem(headSeq, IntegrityReport.Type.EDITED, prefix + "Entry #" + headSeq
                    + " was edited and its hash recomputed: it no longer matches the recorded head of the log.", source));
        }
        return checked;
    }

    private static IntegrityReport.Problem removed(long first, long last, String prefix, String source) {
        String which = first == last ? "Entry #" + first + " was removed" : "Entries #" + first + " to #" + last + " were removed";
        return new IntegrityReport.Problem(first, IntegrityReport.Type.REMOVED, prefix + which + " from the log.", source);
    }

    // ---- push to the gateway, in order, each chain as its own user ---------------------------

    /** The last sequence number of {@code user}'s chain the gateway has acknowledged (0 when none). */
    public long pushedUpTo(String user) {
        return store.transaction(c -> ownChain(c, user).map(Chain::pushedSeq).orElse(0L));
    }

    /**
     * Pushes {@code user}'s entries to {@code sink}, which sends them with {@code user}'s session:
     * every entry of their own chain after its cursor, oldest first, in batches; then, in a home
     * from before one chain per user, the legacy chain's entries after its cursor while they are
     * {@code user}'s and {@code user} is the actor of its first entry (the gateway's owner of it).
     * A cursor advances only past batches the sink acknowledged. Returns how many were pushed.
     */
    public long pushPending(String user, AuditSink sink, int batchSize) throws AuditSink.PushFailedException {
        Optional<Chain> own = store.transaction(c -> ownChain(c, user));
        long pushed = 0;
        AuditSink.PushFailedException failed = null;
        if (own.isPresent()) {
            try {
                pushed += push(own.get().id(), user, sink, batchSize);
            } catch (AuditSink.PushFailedException e) {
                failed = e;
            }
        }
        Optional<Chain> legacy = store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(CHAIN + " WHERE owner IS NULL AND pushed_seq < head_seq "
                    + "AND (SELECT actor FROM audit_entry WHERE chain = audit_chain.id AND seq = 1) = ?")) {
                ps.setString(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(chain(rs)) : Optional.<Chain>empty();
                }
            }
        });
        if (legacy.isPresent()) {
            try {
                pushed += push(legacy.get().id(), user, sink, batchSize);
            } catch (AuditSink.PushFailedException e) {
                failed = failed == null ? e : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
        return pushed;
    }

    /** Pushes the entries of one chain after its cursor, up to the first one {@code user} is not the actor of. */
    private long push(long chainId, String user, AuditSink sink, int batchSize) throws AuditSink.PushFailedException {
        long pushed = 0;
        while (true) {
            List<AuditEntry> batch = store.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(READ + " WHERE e.chain = ? "
                        + "AND e.seq > (SELECT pushed_seq FROM audit_chain WHERE id = ?) ORDER BY e.seq LIMIT ?")) {
                    ps.setLong(1, chainId);
                    ps.setLong(2, chainId);
                    ps.setInt(3, batchSize);
                    return readAll(ps);
                }
            });
            List<AuditEntry> theirs = new ArrayList<>();
            for (AuditEntry e : batch) {
                if (!e.actor().equals(user)) {
                    break;
                }
                theirs.add(e);
            }
            if (theirs.isEmpty()) {
                return pushed;
            }
            sink.push(theirs);
            long last = theirs.get(theirs.size() - 1).seq();
            store.transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_chain SET pushed_seq = ?, pushed_at = ? WHERE id = ?")) {
                    ps.setLong(1, last);
                    ps.setString(2, store.clock().instant().toString());
                    ps.setLong(3, chainId);
                    ps.executeUpdate();
                }
                return null;
            });
            pushed += theirs.size();
            if (theirs.size() < batch.size()) {
                return pushed;
            }
        }
    }

    private static List<AuditEntry> readAll(PreparedStatement ps) throws SQLException {
        List<AuditEntry> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(read(rs));
                } catch (IllegalArgumentException | java.time.DateTimeException e) {
                    throw new StoreException("Audit entry #" + rs.getLong("seq") + " cannot be read ("
                            + e.getMessage() + "); run Verify integrity to see what was changed.", e);
                }
            }
        }
        return out;
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        AuditKind parsedKind;
        try {
            parsedKind = AuditKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown kind '" + kind + "'", e);
        }
        String source = rs.getString("source");
        if (source == null) {
            throw new IllegalArgumentException("it names a chain this installation does not have");
        }
        return new AuditEntry(source, rs.getLong("seq"), Instant.parse(rs.getString("recorded_at")), parsedKind,
                rs.getString("actor"), rs.getString("invoice_id"), rs.getString("action"), rs.getString("model_name"),
                CanonicalEncoding.decode(rs.getString("payload")), rs.getString("prev_hash"), rs.getString("hash"));
    }

}
