package io.backroom.api.model;

import java.time.Instant;

/**
 * A decision taken on an invoice: who, when, why and what it changed.
 *
 * @param actor     user id, or {@code system} for an automatic release after a re-match
 * @param system    whether the system took it
 * @param postingId the posting a release created
 */
public record Decision(String id, String invoiceId, DecisionType type, String actor, boolean system, String reason,
        String note, String assigneeUserId, InvoiceStatus fromStatus, InvoiceStatus toStatus, String postingId,
        Instant decidedAt) {
}
