package io.backroom.sampledata.labels;

/** Cashier fraud patterns injected into POS journals. */
public enum FraudPattern {
    REFUND_FRAUD, SWEETHEARTING, VOID_ABUSE, NO_SALE_ABUSE, DISCOUNT_ABUSE, GIFT_CARD_FRAUD
}
