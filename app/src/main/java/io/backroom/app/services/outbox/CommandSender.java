package io.backroom.app.services.outbox;

/**
 * Delivers one queued command of one kind to the gateway, with the item's
 * {@link OutboxItem#idempotencyKey() idempotency key} and, when the command carries one, its
 * expected version as {@code If-Match}. Implementations turn every failure into a
 * {@link SendOutcome}; they never throw for a failed delivery.
 */
@FunctionalInterface
public interface CommandSender {
    SendOutcome send(OutboxItem item);
}
