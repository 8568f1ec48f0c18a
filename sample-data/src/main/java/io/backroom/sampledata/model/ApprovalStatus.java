package io.backroom.sampledata.model;

/** Outcome of an approval request; {@code PENDING} ones are the live inbox at the as-of date. */
public enum ApprovalStatus {
    PENDING, APPROVED, REJECTED
}
