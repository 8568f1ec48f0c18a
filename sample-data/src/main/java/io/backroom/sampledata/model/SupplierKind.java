package io.backroom.sampledata.model;

/** Whether a supplier sells goods against purchase orders or bills services without a PO. */
public enum SupplierKind {
    MERCHANDISE, SERVICES
}
