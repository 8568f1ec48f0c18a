package io.backroom.api.model;

import java.time.Instant;

/**
 * One event in an invoice's history.
 *
 * @param actor  user id, or {@code system}
 * @param action for example {@code RECEIVED}, {@code MATCHED}, {@code HELD}, {@code DECISION:RELEASE},
 *               {@code REMATCHED}, {@code DOCUMENT_ATTACHED}
 */
public record HistoryEntry(Instant at, String actor, String action, String detail) {
}
