package io.backroom.sampledata.model;

/** Kinds of POS journal entries. */
public enum PosTransactionType {
    SALE, RETURN, NO_SALE, POST_VOID, GIFT_CARD_LOAD
}
