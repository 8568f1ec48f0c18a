package io.backroom.api.model;

/** Life cycle of a purchase order. Invoices against a closed or cancelled PO are held with {@code PO_INVALID}. */
public enum PurchaseOrderStatus {
    OPEN, CLOSED, CANCELLED
}
