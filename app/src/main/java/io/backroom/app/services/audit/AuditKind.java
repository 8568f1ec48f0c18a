package io.backroom.app.services.audit;

/** What an audit entry records. */
public enum AuditKind {
    /** A model's output was shown to a person. */
    MODEL_OUTPUT,
    /** A person took a decision. */
    DECISION
}
