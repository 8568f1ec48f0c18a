package io.backroom.app.services.outbox;

import java.time.Instant;

/**
 * One command in the outbox.
 *
 * @param id             local sequence number (the sending order)
 * @param idempotencyKey sent as {@code Idempotency-Key}; the same on every attempt
 * @param command        what was commanded
 * @param createdAt      when it was queued
 * @param state          where it stands
 * @param attempts       how many times it was sent
 * @param nextAttemptAt  not sent before this instant
 * @param lastError      the last failure or conflict, in plain words
 */
public record OutboxItem(long id, String idempotencyKey, OutboxCommand command, Instant createdAt, OutboxState state,
                         int attempts, Instant nextAttemptAt, String lastError) {

    /** The command's kind. */
    public String kind() {
        return command.kind();
    }

    /**
     * The invoice decision this item carries; throws {@link IllegalStateException} for another kind
     * of command.
     */
    public Decision decision() {
        return InvoiceDecisions.decision(command);
    }
}
