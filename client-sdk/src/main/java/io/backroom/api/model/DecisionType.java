package io.backroom.api.model;

/** What a person (or the system, after a re-match) decides about a held invoice. */
public enum DecisionType {
    /** Pay it; creates the posting. Subject to the release limit and separation of duties. */
    RELEASE,
    /** Do not pay it; {@code reason} required. */
    REJECT,
    /** Ask the supplier for a credit note; a matching credit note closes it. */
    REQUEST_CREDIT,
    /** Hand it to a buyer; {@code assigneeUserId} required. */
    ROUTE_TO_BUYER,
    /** Keep it on hold manually; {@code note} required. */
    HOLD
}
