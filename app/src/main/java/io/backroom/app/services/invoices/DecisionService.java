package io.backroom.app.services.invoices;

import io.backroom.app.services.outbox.Decision;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.outbox.OutboxItem;
import io.backroom.app.services.outbox.OutboxSender;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Takes a clerk's decisions: each goes to the durable outbox (with its audit entry) first, then the
 * sender is woken to deliver it. Bulk release is the same, one decision per invoice.
 */
public final class DecisionService {
    private final DecisionOutbox outbox;
    private final Supplier<Optional<OutboxSender>> sender;

    public DecisionService(DecisionOutbox outbox, Supplier<Optional<OutboxSender>> sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    /** Queues one decision and starts sending it. */
    public OutboxItem decide(Decision decision) {
        return decide(decision, Duration.ZERO);
    }

    /** Queues one decision, to be sent once {@code undoWindow} has passed unless {@link #undo} takes it back. */
    public OutboxItem decide(Decision decision, Duration undoWindow) {
        OutboxItem item = outbox.enqueue(decision, undoWindow);
        sender.get().ifPresent(OutboxSender::wake);
        return item;
    }

    /** Queues several decisions, in order, and starts sending them. */
    public List<OutboxItem> decideAll(List<Decision> decisions) {
        return decideAll(decisions, Duration.ZERO);
    }

    /** Queues several decisions, in order, each sent once {@code undoWindow} has passed. */
    public List<OutboxItem> decideAll(List<Decision> decisions, Duration undoWindow) {
        List<OutboxItem> items = decisions.stream().map(d -> outbox.enqueue(d, undoWindow)).toList();
        sender.get().ifPresent(OutboxSender::wake);
        return items;
    }

    /** Takes back decisions not sent yet; returns how many were still in time. */
    public int undo(List<Long> outboxIds) {
        int undone = 0;
        for (long id : outboxIds) {
            if (outbox.undo(id)) {
                undone++;
            }
        }
        return undone;
    }

    /** Replaces a decision that met a conflict with a new one taken on the current version. */
    public OutboxItem redecide(long conflictId, Decision replacement) {
        OutboxItem item = outbox.redecide(conflictId, replacement);
        sender.get().ifPresent(OutboxSender::wake);
        return item;
    }
}
