package io.backroom.app.services.outbox;

import java.time.Instant;

/**
 * One decision in the outbox.
 *
 * @param id             local sequence number (the sending order)
 * @param idempotencyKey sent as {@code Idempotency-Key}; the same on every attempt
 * @param decision       what was decided
 * @param createdAt      when it was queued
 * @param state          where it stands
 * @param attempts       how many times it was sent
 * @param nextAttemptAt  not sent before this instant
 * @param lastError      the last failure or conflict, in plain words
 */
public record OutboxItem(long id, String idempotencyKey, Decision decision, Instant createdAt, OutboxState state,
                         int attempts, Instant nextAttemptAt, String lastError) {
}
