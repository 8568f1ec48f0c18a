package io.backroom.api.model;

/** Why the three-way match (or a person) holds an invoice. See {@code docs/three-way-match.md}. */
public enum HoldCode {
    PRICE_VARIANCE, QTY_OVER_RECEIPT, NO_RECEIPT, QTY_OVER_ORDER, UNPLANNED_CHARGE, TAX_VARIANCE, TOTAL_MISMATCH,
    DUPLICATE, SUSPECTED_DUPLICATE, PO_INVALID, SUPPLIER_BLOCKED, MANUAL
}
