package io.backroom.sampledata.model;

/** How a purchase order came about. */
public enum PurchaseOrderOrigin {
    /** Raised by a buyer. */
    BUYER,
    /** Raised by the replenishment run when stock crossed the reorder point. */
    REPLENISHMENT
}
