package io.backroom.api.model;

import java.time.Instant;

/**
 * An audit event as a console recorded it in its local hash chain. See {@link io.backroom.api.AuditChain} for how
 * {@code hash} is computed from the other fields and {@code prevHash}.
 *
 * @param sequence position in the source's chain, from 1
 * @param payload  JSON text with the event's details (model identity, scores, decision, ...)
 */
public record NewAuditEvent(long sequence, Instant occurredAt, String actor, String action, String subjectType,
        String subjectId, String payload, String prevHash, String hash) {
}
