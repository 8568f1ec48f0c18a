package io.backroom.app.services.invoices;

import io.backroom.app.services.outbox.Decision;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.outbox.OutboxItem;
import io.backroom.app.services.outbox.OutboxSender;
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
        OutboxItem item = outbox.enqueue(decision);
        sender.get().ifPresent(OutboxSender::wake);
        return item;
    }

    /** Queues several decisions, in order, and starts sending them. */
    public List<OutboxItem> decideAll(List<Decision> decisions) {
        List<OutboxItem> items = decisions.stream().map(outbox::enqueue).toList();
        sender.get().ifPresent(OutboxSender::wake);
        return items;
    }

    /** Replaces a decision that met a conflict with a new one taken on the current version. */
    public OutboxItem redecide(long conflictId, Decision replacement) {
        OutboxItem item = outbox.redecide(conflictId, replacement);
        sender.get().ifPresent(OutboxSender::wake);
        return item;
    }
}
