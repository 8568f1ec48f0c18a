package io.backroom.app.services.outbox;

import io.backroom.app.services.Subscription;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.DecisionOutcome;
import io.backroom.app.services.audit.DecisionTaken;
import io.backroom.app.services.store.LocalStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The invoice decisions in the {@link CommandOutbox}: the API the invoice workspace uses. A decision
 * is queued as a command of kind {@value InvoiceDecisions#KIND} with its audit entry in the same
 * transaction, and delivered with every other kind by the {@link OutboxSender}, with the same crash
 * and exactly-once guarantees. Narrow it to the signed-in user with {@link #forUser}.
 */
public final class DecisionOutbox {
    private final CommandOutbox commands;
    private final AuditLog audit;

    /** Every user's decisions in {@code store}. */
    public DecisionOutbox(LocalStore store, AuditLog audit) {
        this(new CommandOutbox(store), audit);
    }

    /** The decisions among {@code commands} (any view of the outbox). */
    public DecisionOutbox(CommandOutbox commands, AuditLog audit) {
        this.commands = commands.ofKind(InvoiceDecisions.KIND);
        this.audit = audit;
        // The gateway's answer to a decision becomes its own audit entry after the decision's, in the transaction
        // that records it.
        this.commands.onAnswer(InvoiceDecisions.KIND, (item, state, reason) -> {
            DecisionOutcome.Result result = switch (state) {
                case DONE -> DecisionOutcome.Result.APPLIED;
                case FAILED -> DecisionOutcome.Result.REFUSED;
                case CONFLICT -> DecisionOutcome.Result.CONFLICT;
                default -> null;
            };
            if (result != null) {
                recordOutcome(item, result, reason);
            }
        });
    }

    private void recordOutcome(OutboxItem item, DecisionOutcome.Result result, String reason) {
        Decision d = item.decision();
        audit.record(new DecisionOutcome(d.user(), commands.store().clock().instant(), d.invoiceId(), d.action().name(),
                result, reason, item.idempotencyKey()));
    }

    /** The same outbox, narrowed to {@code username}'s decisions. */
    public DecisionOutbox forUser(String username) {
        return new DecisionOutbox(commands.forUser(username), audit);
    }

    /** The command outbox this view reads (decisions only). */
    public CommandOutbox commands() {
        return commands;
    }

    /** Calls {@code listener} (on the writing thread) with the new decision counts after every change. */
    public Subscription onChange(Consumer<OutboxSummary> listener) {
        return commands.onChange(listener);
    }

    /** Queues {@code decision} and records it in the audit log, atomically. */
    public OutboxItem enqueue(Decision decision) {
        return commands.enqueue(InvoiceDecisions.command(decision), audited(decision));
    }

    /**
     * Queues {@code decision} to be sent no sooner than {@code undoWindow} from now, and records it in the audit log,
     * atomically. Until then {@link #undo(long)} takes it back.
     */
    public OutboxItem enqueue(Decision decision, Duration undoWindow) {
        return commands.enqueue(InvoiceDecisions.command(decision), audited(decision), undoWindow);
    }

    /**
     * Takes back a decision not sent yet (in its undo window, never tried): discarded, and its undo recorded in the
     * audit log. False when it is too late.
     */
    public boolean undo(long id) {
        return commands.undo(id, item -> recordOutcome(item, DecisionOutcome.Result.UNDONE, null));
    }

    private CommandOutbox.AlsoInTransaction audited(Decision d) {
        return (key, at) -> audit.record(new DecisionTaken(d.user(), at, d.invoiceId(), d.action().name(), d.reason(),
                d.modelRecommended(), key));
    }

    /** After a crash: decisions left mid-send go back to pending. Returns how many. */
    public int recoverInterrupted() {
        return commands.recoverInterrupted();
    }

    /** Marks the next decision due at {@code now} as sending and returns it (see {@link CommandOutbox#claimNext}). */
    public Optional<OutboxItem> claimNext(Instant now) {
        return commands.claimNext(now, Set.of(InvoiceDecisions.KIND));
    }

    /** The earliest instant a pending decision becomes due, if any is pending. */
    public Optional<Instant> nextDue() {
        return commands.nextDue(Set.of(InvoiceDecisions.KIND));
    }

    /** Records what the gateway said about a decision that was being sent. */
    public void complete(long id, SendOutcome outcome, Instant retryAt) {
        commands.complete(id, outcome, retryAt);
    }

    /** Sends a failed decision again, now. */
    public void retry(long id) {
        commands.retry(id);
    }

    /** Drops a failed or conflicting decision; it stays on record as discarded. */
    public void discard(long id) {
        commands.discard(id);
    }

    /**
     * Resolves a conflict: the old decision is discarded and {@code replacement} (taken on the
     * current version) is queued in its place, in one transaction.
     */
    public OutboxItem redecide(long conflictId, Decision replacement) {
        return commands.replace(conflictId, InvoiceDecisions.command(replacement), audited(replacement));
    }

    /** The decision with this id. */
    public Optional<OutboxItem> get(long id) {
        return commands.get(id);
    }

    /** Decisions in any of {@code states}, oldest first (all when none given). */
    public List<OutboxItem> list(OutboxState... states) {
        return commands.list(states);
    }

    /** Counts per state. */
    public OutboxSummary summary() {
        return commands.summary();
    }
}
