package io.backroom.api.model;

/** Response of {@code POST /api/v1/invoices/{id}/decisions}: the decision and the invoice it changed. */
public record DecisionResult(Decision decision, Invoice invoice) {
}
