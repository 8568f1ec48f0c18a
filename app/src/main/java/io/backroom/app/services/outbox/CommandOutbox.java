package io.backroom.app.services.outbox;

import io.backroom.app.services.Subscription;
import io.backroom.app.services.audit.CanonicalEncoding;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.services.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The durable command outbox in the local store, for every {@link OutboxCommand#kind() kind} of
 * command. A command is written here with a fresh idempotency key (and, in the same transaction,
 * whatever its caller records beside it, such as an audit entry) before anything is sent; the
 * {@link OutboxSender} then delivers it through the {@link CommandSender} of its kind. A crash at any
 * point leaves each command either not queued at all (the transaction did not commit) or queued
 * exactly once; one caught mid-send is re-sent with the same key, which the gateway applies once.
 *
 * <p>An instance is a view: {@link #forUser} narrows it to one person's commands (what the signed-in
 * user sees and what is sent with their session), {@link #ofKind} to one kind. The unscoped outbox
 * sees everything.
 */
public final class CommandOutbox {
    private static final String COLUMNS = "id, idempotency_key, kind, target, expected_version, action, payload, actor, "
            + "created_at, state, attempts, next_attempt_at, last_error";

    private final LocalStore store;
    private final List<Listener> listeners;
    private final Map<String, OnAnswer> answerHooks;
    private final String user;
    private final String kind;

    /** Work done in the enqueueing transaction once the key is known, for example writing an audit entry. */
    @FunctionalInterface
    public interface AlsoInTransaction {
        void run(String idempotencyKey, Instant queuedAt);
    }

    private record Listener(String user, String kind, Consumer<OutboxSummary> consumer) {
    }

    /**
     * Work done in the transaction that records the answer to a command (applied, refused, conflict), for example the
     * outcome's audit entry: the outbox and that record never disagree.
     */
    @FunctionalInterface
    public interface OnAnswer {
        void run(OutboxItem item, OutboxState newState, String reason);
    }

    public CommandOutbox(LocalStore store) {
        this(store, new CopyOnWriteArrayList<>(), new java.util.concurrent.ConcurrentHashMap<>(), null, null);
    }

    private CommandOutbox(LocalStore store, List<Listener> listeners, Map<String, OnAnswer> answerHooks, String user,
                          String kind) {
        this.store = store;
        this.listeners = listeners;
        this.answerHooks = answerHooks;
        this.user = user;
        this.kind = kind;
    }

    /** The same outbox, narrowed to {@code username}'s commands. */
    public CommandOutbox forUser(String username) {
        return new CommandOutbox(store, listeners, answerHooks, Objects.requireNonNull(username, "username"), kind);
    }

    /** The same outbox, narrowed to one kind of command. */
    public CommandOutbox ofKind(String commandKind) {
        return new CommandOutbox(store, listeners, answerHooks, user, Objects.requireNonNull(commandKind, "commandKind"));
    }

    /** Runs {@code hook} whenever a command of {@code commandKind} is answered (one hook per kind, on every view). */
    public void onAnswer(String commandKind, OnAnswer hook) {
        answerHooks.put(commandKind, hook);
    }

    /** The user this view is narrowed to, if any. */
    public Optional<String> user() {
        return Optional.ofNullable(user);
    }

    LocalStore store() {
        return store;
    }

    /**
     * Calls {@code listener} (on the writing thread) with this view's new counts after every change.
     * Cancel the returned subscription to stop.
     */
    public Subscription onChange(Consumer<OutboxSummary> listener) {
        Listener l = new Listener(user, kind, listener);
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    /** How many change listeners are registered on this outbox (all views). */
    public int listenerCount() {
        return listeners.size();
    }

    /** Queues {@code command}. */
    public OutboxItem enqueue(OutboxCommand command) {
        return enqueue(command, (key, at) -> { });
    }

    /** Queues {@code command} and runs {@code alsoInTransaction} in the same transaction. */
    public OutboxItem enqueue(OutboxCommand command, AlsoInTransaction alsoInTransaction) {
        return enqueue(command, alsoInTransaction, java.time.Duration.ZERO);
    }

    /**
     * Queues {@code command} to be sent no sooner than {@code undoWindow} from now (until then {@link #undo} takes it
     * back), and runs {@code alsoInTransaction} in the same transaction.
     */
    public OutboxItem enqueue(OutboxCommand command, AlsoInTransaction alsoInTransaction, java.time.Duration undoWindow) {
        OutboxItem item = store.transaction(c -> insert(c, command, alsoInTransaction, undoWindow));
        fireChanged();
        return item;
    }

    /**
     * Takes back a command not sent yet (still in its undo window, never tried): it is discarded and
     * {@code alsoInTransaction} runs in the same transaction. False when it is too late.
     */
    public boolean undo(long id, Consumer<OutboxItem> alsoInTransaction) {
        boolean undone = store.transaction(c -> {
            Optional<OutboxItem> item = get(id);
            if (item.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'DISCARDED', updated_at = ? "
                    + "WHERE id = ? AND state = 'PENDING' AND attempts = 0")) {
                ps.setString(1, store.clock().instant().toString());
                ps.setLong(2, id);
                if (ps.executeUpdate() != 1) {
                    return false;
                }
            }
            alsoInTransaction.accept(item.get());
            return true;
        });
        if (undone) {
            fireChanged();
        }
        return undone;
    }

    private OutboxItem insert(Connection c, OutboxCommand command, AlsoInTransaction also) throws SQLException {
        return insert(c, command, also, java.time.Duration.ZERO);
    }

    private OutboxItem insert(Connection c, OutboxCommand command, AlsoInTransaction also, java.time.Duration undoWindow)
            throws SQLException {
        checkInScope(command);
        String key = UUID.randomUUID().toString();
        Instant now = store.clock().instant();
        Instant due = now.plus(undoWindow);
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox(idempotency_key, kind, target, "
                + "expected_version, action, payload, actor, created_at, state, attempts, next_attempt_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, command.kind());
            ps.setString(3, command.target());
            if (command.expectedVersion() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setLong(4, command.expectedVersion());
            }
            ps.setString(5, command.action());
            ps.setString(6, CanonicalEncoding.encode(command.payload()));
            ps.setString(7, command.user());
            ps.setString(8, now.toString());
            ps.setString(9, due.toString());
            ps.setString(10, now.toString());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        also.run(key, now);
        return new OutboxItem(id, key, command, now, OutboxState.PENDING, 0, due, null);
    }

    private void checkInScope(OutboxCommand command) {
        if (user != null && !user.equals(command.user())) {
            throw new IllegalArgumentException("This outbox holds " + user + "'s commands, not " + command.user() + "'s.");
        }
        if (kind != null && !kind.equals(command.kind())) {
            throw new IllegalArgumentException("This outbox holds " + kind + " commands, not " + command.kind() + ".");
        }
    }

    /**
     * After a crash: every item of this view left in {@link OutboxState#SENDING} goes back to pending,
     * to be re-sent with its original idempotency key. Returns how many were recovered.
     */
    public int recoverInterrupted() {
        int n = store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'PENDING', updated_at = ? "
                    + "WHERE state = 'SENDING'" + scope(""))) {
                ps.setString(1, store.clock().instant().toString());
                bindScope(ps, 2);
                return ps.executeUpdate();
            }
        });
        if (n > 0) {
            fireChanged();
        }
        return n;
    }

    /**
     * Marks the next command of one of {@code kinds} due at {@code now} as sending and returns it.
     * One user's commands on the same target go strictly in order: one waits while an earlier one
     * is pending, sending, failed or in conflict.
     */
    public Optional<OutboxItem> claimNext(Instant now, Set<String> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        List<String> kindList = List.copyOf(kinds);
        Optional<OutboxItem> claimed = store.transaction(c -> {
            OutboxItem next;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox o "
                    + "WHERE o.state = 'PENDING' AND o.next_attempt_at <= ? AND o.kind IN ("
                    + "?,".repeat(kindList.size() - 1) + "?)" + scope("o.") + " AND NOT EXISTS ("
                    + "  SELECT 1 FROM outbox e WHERE e.actor = o.actor AND e.kind = o.kind AND e.target = o.target"
                    + "  AND e.id < o.id AND e.state IN ('PENDING', 'SENDING', 'FAILED', 'CONFLICT')) "
                    + "ORDER BY o.id LIMIT 1")) {
                int i = 1;
                ps.setString(i++, now.toString());
                for (String k : kindList) {
                    ps.setString(i++, k);
                }
                bindScope(ps, i);
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
            return Optional.of(new OutboxItem(next.id(), next.idempotencyKey(), next.command(), next.createdAt(),
                    OutboxState.SENDING, next.attempts() + 1, next.nextAttemptAt(), next.lastError()));
        });
        claimed.ifPresent(i -> fireChanged());
        return claimed;
    }

    /** The earliest instant a pending command of one of {@code kinds} becomes due, if any is pending. */
    public Optional<Instant> nextDue(Set<String> kinds) {
        if (kinds.isEmpty()) {
            return Optional.empty();
        }
        List<String> kindList = List.copyOf(kinds);
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MIN(next_attempt_at) FROM outbox WHERE state = 'PENDING'"
                    + " AND kind IN (" + "?,".repeat(kindList.size() - 1) + "?)" + scope(""))) {
                int i = 1;
                for (String k : kindList) {
                    ps.setString(i++, k);
                }
                bindScope(ps, i);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(rs.getString(1)).map(Instant::parse);
                }
            }
        });
    }

    /** Records what the gateway said about a command that was being sent. */
    public void complete(long id, SendOutcome outcome, Instant retryAt) {
        store.transaction(c -> {
            OutboxItem item = get(id).orElseThrow(() -> new StoreException("Outbox item " + id + " does not exist."));
            OutboxState state;
            String error;
            Instant next = store.clock().instant();
            if (outcome instanceof SendOutcome.Applied) {
                state = OutboxState.DONE;
                error = null;
            } else if (outcome instanceof SendOutcome.Conflict conflict) {
                state = OutboxState.CONFLICT;
                String subject = item.command().subject();
                error = "Someone changed this " + subject + " first"
                        + (conflict.whatChanged() == null ? "" : ": " + conflict.whatChanged())
                        + (conflict.currentVersion() == null ? "" : " (now version " + conflict.currentVersion() + ")")
                        + ". Decide again on the current " + subject + ".";
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
            OnAnswer hook = answerHooks.get(item.kind());
            if (hook != null && state != OutboxState.PENDING) {
                hook.run(item, state, error);
            }
            return null;
        });
        fireChanged();
    }

    /** Sends a failed command again, now. */
    public void retry(long id) {
        store.transaction(c -> {
            inScope(id);
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'PENDING', next_attempt_at = ?, "
                    + "updated_at = ? WHERE id = ? AND state = 'FAILED'")) {
                String now = store.clock().instant().toString();
                ps.setString(1, now);
                ps.setString(2, now);
                ps.setLong(3, id);
                if (ps.executeUpdate() != 1) {
                    throw new IllegalStateException("Item " + id + " is not failed.");
                }
            }
            return null;
        });
        fireChanged();
    }

    /** Drops a failed or conflicting command; it stays on record as discarded. */
    public void discard(long id) {
        store.transaction(c -> {
            inScope(id);
            discardIn(c, id, "'FAILED', 'CONFLICT'", "Only a failed or conflicting item can be discarded.");
            return null;
        });
        fireChanged();
    }

    /**
     * Resolves a conflict: the old command is discarded and {@code replacement} (given on the current
     * version) is queued in its place, in one transaction.
     */
    public OutboxItem replace(long conflictId, OutboxCommand replacement, AlsoInTransaction alsoInTransaction) {
        OutboxItem item = store.transaction(c -> {
            inScope(conflictId);
            discardIn(c, conflictId, "'CONFLICT'", "Item " + conflictId + " is not in conflict.");
            return insert(c, replacement, alsoInTransaction);
        });
        fireChanged();
        return item;
    }

    private void discardIn(Connection c, long id, String states, String otherwise) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'DISCARDED', updated_at = ? "
                + "WHERE id = ? AND state IN (" + states + ")")) {
            ps.setString(1, store.clock().instant().toString());
            ps.setLong(2, id);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException(otherwise);
            }
        }
    }

    private void inScope(long id) {
        if (get(id).isEmpty()) {
            throw new IllegalStateException("There is no item " + id + " in this outbox.");
        }
    }

    /** The item with this id, if this view holds it. */
    public Optional<OutboxItem> get(long id) {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE id = ?" + scope(""))) {
                ps.setLong(1, id);
                bindScope(ps, 2);
                return readAll(ps).stream().findFirst();
            }
        });
    }

    /** Items in any of {@code states}, oldest first (all items when none given). */
    public List<OutboxItem> list(OutboxState... states) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM outbox WHERE 1 = 1");
        if (states.length > 0) {
            sql.append(" AND state IN (").append("?,".repeat(states.length - 1)).append("?)");
        }
        sql.append(scope("")).append(" ORDER BY id");
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < states.length; i++) {
                    ps.setString(i + 1, states[i].name());
                }
                bindScope(ps, states.length + 1);
                return readAll(ps);
            }
        });
    }

    /** Counts per state. */
    public OutboxSummary summary() {
        return summary(user, kind);
    }

    private OutboxSummary summary(String forUser, String forKind) {
        return store.transaction(c -> {
            Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
            try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM outbox WHERE 1 = 1"
                    + scope("", forUser, forKind) + " GROUP BY state")) {
                bindScope(ps, 1, forUser, forKind);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        counts.put(OutboxState.valueOf(rs.getString(1)), rs.getInt(2));
                    }
                }
            }
            return new OutboxSummary(counts);
        });
    }

    private void fireChanged() {
        if (listeners.isEmpty()) {
            return;
        }
        Map<List<String>, OutboxSummary> byScope = new HashMap<>();
        for (Listener l : listeners) {
            OutboxSummary s = byScope.computeIfAbsent(java.util.Arrays.asList(l.user(), l.kind()),
                    k -> summary(l.user(), l.kind()));
            l.consumer().accept(s);
        }
    }

    private String scope(String alias) {
        return scope(alias, user, kind);
    }

    private static String scope(String alias, String forUser, String forKind) {
        return (forUser == null ? "" : " AND " + alias + "actor = ?") + (forKind == null ? "" : " AND " + alias + "kind = ?");
    }

    private void bindScope(PreparedStatement ps, int from) throws SQLException {
        bindScope(ps, from, user, kind);
    }

    private static void bindScope(PreparedStatement ps, int from, String forUser, String forKind) throws SQLException {
        int i = from;
        if (forUser != null) {
            ps.setString(i++, forUser);
        }
        if (forKind != null) {
            ps.setString(i, forKind);
        }
    }

    private static List<OutboxItem> readAll(PreparedStatement ps) throws SQLException {
        List<OutboxItem> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long version = rs.getLong("expected_version");
                Long expected = rs.wasNull() ? null : version;
                OutboxCommand command = new OutboxCommand(rs.getString("kind"), rs.getString("target"),
                        rs.getString("action"), expected, CanonicalEncoding.decode(rs.getString("payload")),
                        rs.getString("actor"));
                out.add(new OutboxItem(rs.getLong("id"), rs.getString("idempotency_key"), command,
                        Instant.parse(rs.getString("created_at")), OutboxState.valueOf(rs.getString("state")),
                        rs.getInt("attempts"), Instant.parse(rs.getString("next_attempt_at")), rs.getString("last_error")));
            }
        }
        return out;
    }
}
