package io.backroom.api.model;

import java.time.Instant;

/**
 * A reason an invoice is held.
 *
 * @param lineNo     the invoice line concerned; {@code null} for header holds
 * @param message    what is wrong, in words
 * @param resolvedBy user id, or {@code system} when a re-match cleared it
 */
public record Hold(String id, HoldCode code, Integer lineNo, String message, HoldStatus status, Instant createdAt,
        Instant resolvedAt, String resolvedBy) {
}
