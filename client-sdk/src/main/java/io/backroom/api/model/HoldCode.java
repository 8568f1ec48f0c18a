package io.backroom.api.model;

/**
 * Why the three-way match (or a person) holds an invoice. See {@code docs/three-way-match.md}.
 * {@code CURRENCY_MISMATCH}: the invoice is in another currency than its purchase order;
 * {@code CREDIT_EXCEEDS_INVOICED}: a credit note credits more quantity or amount than was invoiced on a PO line.
 */
public enum HoldCode {
    PRICE_VARIANCE, QTY_OVER_RECEIPT, NO_RECEIPT, QTY_OVER_ORDER, UNPLANNED_CHARGE, TAX_VARIANCE, TOTAL_MISMATCH,
    DUPLICATE, SUSPECTED_DUPLICATE, PO_INVALID, SUPPLIER_BLOCKED, MANUAL, CURRENCY_MISMATCH, CREDIT_EXCEEDS_INVOICED
}
