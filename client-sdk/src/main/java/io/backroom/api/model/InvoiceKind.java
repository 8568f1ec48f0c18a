package io.backroom.api.model;

/** An invoice, or a credit note (amounts positive) that reduces what is owed on an invoice or PO. */
public enum InvoiceKind {
    INVOICE, CREDIT_NOTE
}
