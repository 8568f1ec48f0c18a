package io.backroom.sampledata.model;

/** Replenishment parameters of an item for every store of one size tier. */
public record ReorderPolicy(StoreSizeTier tier, int reorderPoint, int reorderQuantity) {
}
