package io.backroom.api.model;

/**
 * Body of {@code POST /api/v1/invoices/{id}/decisions}. Send the invoice's version as {@code If-Match}.
 *
 * @param reason         required for {@code REJECT}
 * @param note           required for {@code HOLD}; optional otherwise
 * @param assigneeUserId required for {@code ROUTE_TO_BUYER}
 */
public record DecisionRequest(DecisionType type, String reason, String note, String assigneeUserId) {
}
