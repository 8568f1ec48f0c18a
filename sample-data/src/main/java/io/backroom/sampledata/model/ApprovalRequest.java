package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A request routed to an approver by region and spend authority. {@code approverUserId}, {@code decidedAt} and
 * {@code comment} are {@code null} while pending; {@code delegatedFromUserId} is set when it was delegated.
 *
 * @param relatedId the PO, expense invoice or item the request concerns
 */
public record ApprovalRequest(String id, ApprovalType type, String storeId, String regionId,
        String requesterUserId, BigDecimal amount, String currency, String description, String relatedId,
        Instant submittedAt, ApprovalStatus status, String approverUserId, String delegatedFromUserId,
        Instant decidedAt, String comment) {
}
