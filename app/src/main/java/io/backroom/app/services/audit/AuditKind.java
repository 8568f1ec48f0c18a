package io.backroom.app.services.audit;

/** What an audit entry records. */
public enum AuditKind {
    /** A model's output was shown to a person. */
    MODEL_OUTPUT("Model output"),
    /** A person took a decision. */
    DECISION("Decision"),
    /** What came of a decision: the gateway applied it, refused it (with its reason), found a conflict, or the person undid it. */
    OUTCOME("Outcome");

    private final String label;

    AuditKind(String label) {
        this.label = label;
    }

    /** The kind in words, for tables and reports. */
    public String label() {
        return label;
    }
}
