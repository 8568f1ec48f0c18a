package io.backroom.app.services.outbox;

/** Where a queued decision stands. */
public enum OutboxState {
    /** Written locally, waiting to be sent (again, after a transient failure, once its backoff has passed). */
    PENDING,
    /** Being sent now; found in this state after a crash, it goes back to pending and is re-sent with the same key. */
    SENDING,
    /** The gateway refused it for good (forbidden, invalid); a person must retry or discard it. */
    FAILED,
    /** Someone changed the invoice first (412); a person must decide again on the current version. */
    CONFLICT,
    /** Applied on the gateway. */
    DONE,
    /** Dropped by a person (after a failure or conflict); kept for the record. */
    DISCARDED;

    /** Whether this state needs a person's attention. */
    public boolean needsAttention() {
        return this == FAILED || this == CONFLICT;
    }
}
