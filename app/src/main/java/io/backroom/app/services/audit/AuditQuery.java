package io.backroom.app.services.audit;

import java.time.Instant;

/**
 * Which audit entries to list. Every criterion is optional ({@code null} matches all); text
 * criteria match exactly, ignoring case.
 *
 * @param user      the actor
 * @param invoiceId the invoice
 * @param model     the model name
 * @param action    the decision's action or the model's output
 * @param kind      decisions or model outputs
 * @param from      recorded at or after (inclusive)
 * @param to        recorded before (exclusive)
 * @param limit     at most this many, newest first ({@code 0} for no limit)
 */
public record AuditQuery(String user, String invoiceId, String model, String action, AuditKind kind,
                         Instant from, Instant to, int limit) {

    /** Every entry, newest first. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null, null, 0);
    }

    /** Every entry recorded in {@code [from, to)}. */
    public static AuditQuery between(Instant from, Instant to) {
        return new AuditQuery(null, null, null, null, null, from, to, 0);
    }
}
