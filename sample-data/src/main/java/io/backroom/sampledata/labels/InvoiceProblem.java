package io.backroom.sampledata.labels;

/** The problem injected into a PO invoice; {@code NONE} for a clean one (which may still carry honest noise). */
public enum InvoiceProblem {
    NONE, PRICE_VARIANCE, QUANTITY_OVER_RECEIPT, MISSING_RECEIPT, LATE_RECEIPT, DUPLICATE_INVOICE,
    UNPLANNED_FREIGHT, TAX_ERROR, UNKNOWN_PO, CLOSED_PO
}
