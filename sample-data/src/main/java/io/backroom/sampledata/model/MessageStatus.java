package io.backroom.sampledata.model;

/** Where a message stands: delivered, failing but retrying, or parked for a person. */
public enum MessageStatus {
    DELIVERED, RETRYING, FAILED, DEAD_LETTER
}
