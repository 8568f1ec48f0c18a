package io.backroom.sampledata.model;

/** Kinds of POS journal lines. A {@code VOID} line cancels an earlier line of the same transaction. */
public enum PosLineType {
    ITEM, RETURN, VOID, GIFT_CARD
}
