package io.backroom.app.services.outbox;

import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.CanonicalEncoding;
import io.backroom.app.services.audit.DecisionOutcome;
import io.backroom.app.services.audit.DecisionTaken;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.services.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The durable decision outbox in the local store. A decision is written here, with a fresh
 * idempotency key and its audit entry, in one transaction before anything is sent; the
 * {@link OutboxSender} then delivers it. A crash at any point leaves each decision either not
 * queued at all (the transaction did not commit) or queued exactly once; one caught mid-send is
 * re-sent with the same key, which the gateway applies only once.
 */
public final class DecisionOutbox {
    private static final String COLUMNS = "id, idempotency_key, invoice_id, expected_version, action, payload, actor, "
            + "created_at, state, attempts, next_attempt_at, last_error";

    private final LocalStore store;
    private final AuditLog audit;
    private final List<Consumer<OutboxSummary>> listeners = new CopyOnWriteArrayList<>();

    public DecisionOutbox(LocalStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** Calls {@code listener} (on the writing thread) with the new counts after every change. */
    public void onChange(Consumer<OutboxSummary> listener) {
        listeners.add(listener);
    }

    /** Queues {@code decision} and records it in the audit log, atomically. */
    public OutboxItem enqueue(Decision decision) {
        return enqueue(decision, Duration.ZERO);
    }

    /**
     * Queues {@code decision} to be sent no sooner than {@code undoWindow} from now, and records it in the audit log,
     * atomically. Until then {@link #undo(long)} takes it back.
     */
    public OutboxItem enqueue(Decision decision, Duration undoWindow) {
        OutboxItem item = store.transaction(c -> insert(c, decision, undoWindow));
        fireChanged();
        return item;
    }

    private OutboxItem insert(Connection c, Decision d, Duration undoWindow) throws SQLException {
        String key = UUID.randomUUID().toString();
        Instant now = store.clock().instant();
        Instant due = now.plus(undoWindow);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox(idempotency_key, invoice_id, expected_version, "
                + "action, payload, actor, created_at, state, attempts, next_attempt_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, d.invoiceId());
            if (d.expectedVersion() == null) {
                ps.setNull(3, Types.INTEGER);
            } else {
                ps.setLong(3, d.expectedVersion());
            }
            ps.setString(4, d.action().name());
            ps.setString(5, payload(d));
            ps.setString(6, d.user());
            ps.setString(7, now.toString());
            ps.setString(8, due.toString());
            ps.setString(9, now.toString());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        audit.record(new DecisionTaken(d.user(), now, d.invoiceId(), d.action().name(), d.reason(),
                d.modelRecommended(), key));
        return new OutboxItem(id, key, d, now, OutboxState.PENDING, 0, due, null);
    }

    private static String payload(Decision d) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("reason", d.reason());
        p.put("assignee", d.assignee());
        p.put("modelRecommended", d.modelRecommended());
        return CanonicalEncoding.encode(p);
    }

    /**
     * After a crash: every item left in {@link OutboxState#SENDING} goes back to pending, to be
     * re-sent with its original idempotency key. Returns how many were recovered.
     */
    public int recoverInterrupted() {
        int n = store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'PENDING', updated_at = ? "
                    + "WHERE state = 'SENDING'")) {
                ps.setString(1, store.clock().instant().toString());
                return ps.executeUpdate();
            }
        });
        if (n > 0) {
            fireChanged();
        }
        return n;
    }

    /**
     * Marks the next decision due at {@code now} as sending and returns it. Decisions on the same
     * invoice go strictly in order: one waits while an earlier one is pending, sending, failed or
     * in conflict.
     */
    public Optional<OutboxItem> claimNext(Instant now) {
        Optional<OutboxItem> claimed = store.transaction(c -> {
            OutboxItem next;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox o "
                    + "WHERE o.state = 'PENDING' AND o.next_attempt_at <= ? AND NOT EXISTS ("
                    + "  SELECT 1 FROM outbox e WHERE e.invoice_id = o.invoice_id AND e.id < o.id"
                    + "  AND e.state IN ('PENDING', 'SENDING', 'FAILED', 'CONFLICT')) "
                    + "ORDER BY o.id LIMIT 1")) {
                ps.setString(1, now.toString());
                List<OutboxItem> items = readAll(ps);
                if (items.isEmpty()) {
                    return Optional.<OutboxItem>empty();
                }
                next = items.get(0);
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'SENDING', attempts = attempts + 1, "
                    + "updated_at = ? WHERE id = ?")) {
                ps.setString(1, now.toString());
                ps.setLong(2, next.id());
                ps.executeUpdate();
            }
            return Optional.of(new OutboxItem(next.id(), next.idempotencyKey(), next.decision(), next.createdAt(),
                    OutboxState.SENDING, next.attempts() + 1, next.nextAttemptAt(), next.lastError()));
        });
        claimed.ifPresent(i -> fireChanged());
        return claimed;
    }

    /** The earliest instant a pending decision becomes due, if any is pending. */
    public Optional<Instant> nextDue() {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'PENDING'");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                String at = rs.getString(1);
                return Optional.ofNullable(at).map(Instant::parse);
            }
        });
    }

    /** Records what the gateway said about a decision that was being sent. */
    public void complete(long id, SendOutcome outcome, Instant retryAt) {
        store.transaction(c -> {
            OutboxState state;
            String error;
            Instant next = store.clock().instant();
            if (outcome instanceof SendOutcome.Applied) {
                state = OutboxState.DONE;
                error = null;
            } else if (outcome instanceof SendOutcome.Conflict conflict) {
                state = OutboxState.CONFLICT;
                error = "Someone changed this invoice first"
                        + (conflict.whatChanged() == null ? "" : ": " + conflict.whatChanged())
                        + (conflict.currentVersion() == null ? "" : " (now version " + conflict.currentVersion() + ")")
                        + ". Decide again on the current invoice.";
            } else if (outcome instanceof SendOutcome.Rejected r) {
                state = OutboxState.FAILED;
                error = r.reason();
            } else {
                SendOutcome.RetryLater r = (SendOutcome.RetryLater) outcome;
                state = OutboxState.PENDING;
                error = r.reason();
                next = retryAt == null ? next : retryAt;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = ?, last_error = ?, next_attempt_at = ?, "
                    + "updated_at = ? WHERE id = ? AND state = 'SENDING'")) {
                ps.setString(1, state.name());
                ps.setString(2, error);
                ps.setString(3, next.toString());
                ps.setString(4, store.clock().instant().toString());
                ps.setLong(5, id);
                if (ps.executeUpdate() != 1) {
                    throw new StoreException("Outbox item " + id + " was not being sent; its outcome was not recorded.");
                }
            }
            DecisionOutcome.Result result = switch (state) {
                case DONE -> DecisionOutcome.Result.APPLIED;
                case FAILED -> DecisionOutcome.Result.REFUSED;
                case CONFLICT -> DecisionOutcome.Result.CONFLICT;
                default -> null;
            };
            if (result != null) {
                recordOutcome(c, id, result, error);
            }
            return null;
        });
        fireChanged();
    }

    /** The decision's answer as its own audit entry, in the transaction that records the outbox's new state. */
    private void recordOutcome(Connection c, long id, DecisionOutcome.Result result, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
            ps.setLong(1, id);
            for (OutboxItem item : readAll(ps)) {
                Decision d = item.decision();
                audit.record(new DecisionOutcome(d.user(), store.clock().instant(), d.invoiceId(), d.action().name(),
                        result, reason, item.idempotencyKey()));
            }
        }
    }

    /**
     * Takes back a decision that has not been sent yet (still in its undo window, never tried): it is discarded and its
     * undo recorded in the audit log. Returns false when it is too late (being sent, or already answered).
     */
    public boolean undo(long id) {
        boolean undone = store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'DISCARDED', updated_at = ? "
                    + "WHERE id = ? AND state = 'PENDING' AND attempts = 0")) {
                ps.setString(1, store.clock().instant().toString());
                ps.setLong(2, id);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            recordOutcome(c, id, DecisionOutcome.Result.UNDONE, null);
            return true;
        });
        if (undone) {
            fireChanged();
        }
        return undone;
    }

    /** Sends a failed decision again, now. */
    public void retry(long id) {
        move(id, OutboxState.FAILED, OutboxState.PENDING);
    }

    /** Drops a failed or conflicting decision; it stays on record as discarded. */
    public void discard(long id) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'DISCARDED', updated_at = ? "
                    + "WHERE id = ? AND state IN ('FAILED', 'CONFLICT')")) {
                ps.setString(1, store.clock().instant().toString());
                ps.setLong(2, id);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("Only a failed or conflicting decision can be discarded.");
                }
            }
            return null;
        });
        fireChanged();
    }

    /**
     * Resolves a conflict: the old decision is discarded and {@code replacement} (taken on the
     * current version) is queued in its place, in one transaction.
     */
    public OutboxItem redecide(long conflictId, Decision replacement) {
        OutboxItem item = store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'DISCARDED', updated_at = ? "
                    + "WHERE id = ? AND state = 'CONFLICT'")) {
                ps.setString(1, store.clock().instant().toString());
                ps.setLong(2, conflictId);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("Decision " + conflictId + " is not in conflict.");
                }
            }
            return insert(c, replacement, Duration.ZERO);
        });
        fireChanged();
        return item;
    }

    private void move(long id, OutboxState from, OutboxState to) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = ?, next_attempt_at = ?, updated_at = ? "
                    + "WHERE id = ? AND state = ?")) {
                String now = store.clock().instant().toString();
                ps.setString(1, to.name());
                ps.setString(2, now);
                ps.setString(3, now);
                ps.setLong(4, id);
                ps.setString(5, from.name());
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("Decision " + id + " is not " + from.name().toLowerCase() + ".");
                }
            }
            return null;
        });
        fireChanged();
    }

    /** The item with this id. */
    public Optional<OutboxItem> get(long id) {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?")) {
                ps.setLong(1, id);
                return readAll(ps).stream().findFirst();
            }
        });
    }

    /** Items in any of {@code states}, oldest first (all items when none given). */
    public List<OutboxItem> list(OutboxState... states) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outbox");
        if (states.length > 0) {
            sql.append(" WHERE state IN (").append("?,".repeat(states.length - 1)).append("?)");
        }
        sql.append(" ORDER BY id");
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < states.length; i++) {
                    ps.setString(i + 1, states[i].name());
                }
                return readAll(ps);
            }
        });
    }

    /** Counts per state. */
    public OutboxSummary summary() {
        return store.transaction(c -> {
            Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(OutboxState.valueOf(rs.getString(1)), rs.getInt(2));
                }
            }
            return new OutboxSummary(counts);
        });
    }

    private void fireChanged() {
        if (listeners.isEmpty()) {
            return;
        }
        OutboxSummary summary = summary();
        listeners.forEach(l -> l.accept(summary));
    }

    private static List<OutboxItem> readAll(PreparedStatement ps) throws SQLException {
        List<OutboxItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, String> p = CanonicalEncoding.decode(rs.getString("payload"));
                long version = rs.getLong("expected_version");
                Long expected = rs.wasNull() ? null : version;
                Decision d = new Decision(rs.getString("invoice_id"), expected,
                        DecisionAction.valueOf(rs.getString("action")), p.get("reason"), p.get("assignee"),
                        rs.getString("actor"), p.get("modelRecommended"));
                out.add(new OutboxItem(rs.getLong("id"), rs.getString("idempotency_key"), d,
                        Instant.parse(rs.getString("created_at")), OutboxState.valueOf(rs.getString("state")),
                        rs.getInt("attempts"), Instant.parse(rs.getString("next_attempt_at")), rs.getString("last_error")));
            }
        }
        return out;
    }
}
