package io.backroom.api.model;

import java.time.Instant;

/** An audit event as the gateway stores it: the console's event plus when it arrived. */
public record AuditEvent(String id, String source, long sequence, Instant occurredAt, String actor, String action,
        String subjectType, String subjectId, String payload, String prevHash, String hash, Instant receivedAt) {
}
