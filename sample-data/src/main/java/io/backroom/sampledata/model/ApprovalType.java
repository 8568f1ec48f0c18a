package io.backroom.sampledata.model;

/** What an approval request asks for. */
public enum ApprovalType {
    REPLENISHMENT_ORDER, STORE_EXPENSE, STOCK_ADJUSTMENT
}
