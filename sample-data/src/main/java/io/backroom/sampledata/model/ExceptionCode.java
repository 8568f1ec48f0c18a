package io.backroom.sampledata.model;

/** The hold reasons a three-way match raises, as recorded in the exception history. */
public enum ExceptionCode {
    PRICE_VARIANCE, QUANTITY_OVER_RECEIPT, MISSING_RECEIPT, DUPLICATE_INVOICE, UNPLANNED_CHARGE, TAX_MISMATCH,
    UNKNOWN_PO, CLOSED_PO, SUPPLIER_BLOCKED
}
