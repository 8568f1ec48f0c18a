package io.backroom.app.services.outbox;

/**
 * Delivers one queued decision to the gateway ({@code POST /api/v1/invoices/{id}/decisions}
 * with {@code Idempotency-Key} and {@code If-Match}). Implemented over the SDK; the outbox
 * knows only this. Implementations turn every failure into a {@link SendOutcome}; they never throw
 * for a failed delivery.
 */
@FunctionalInterface
public interface DecisionSender {
    SendOutcome send(OutboxItem item);
}
