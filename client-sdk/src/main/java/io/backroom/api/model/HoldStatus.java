package io.backroom.api.model;

/** A hold is open until a decision or a re-match resolves it. */
public enum HoldStatus {
    OPEN, RESOLVED
}
