package io.backroom.app.services.outbox;

/** What a person can decide on a held invoice, with what the gateway requires for each. */
public enum DecisionAction {
    RELEASE("Release", false, false),
    REJECT("Reject", true, false),
    REQUEST_CREDIT("Request credit memo", false, false),
    ROUTE_TO_BUYER("Route to buyer", false, true),
    HOLD("Hold with note", true, false);

    private final String label;
    private final boolean needsReason;
    private final boolean needsAssignee;

    DecisionAction(String label, boolean needsReason, boolean needsAssignee) {
        this.label = label;
        this.needsReason = needsReason;
        this.needsAssignee = needsAssignee;
    }

    /** The name a clerk sees, for example "Request credit memo". */
    public String label() {
        return label;
    }

    /** Whether a reason or note is required (reject, hold). */
    public boolean needsReason() {
        return needsReason;
    }

    /** Whether an assignee is required (route to buyer). */
    public boolean needsAssignee() {
        return needsAssignee;
    }
}
