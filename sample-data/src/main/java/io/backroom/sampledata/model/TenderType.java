package io.backroom.sampledata.model;

/** Means of payment or refund. */
public enum TenderType {
    CASH, CARD, GIFT_CARD, STORE_CREDIT
}
