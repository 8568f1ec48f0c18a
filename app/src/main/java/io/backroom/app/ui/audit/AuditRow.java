package io.backroom.app.ui.audit;

/**
 * One line of the audit table, ready to show.
 *
 * @param seq      the entry's number in its chain
 * @param time     when, in the user's zone
 * @param user     who
 * @param kind     "Decision" or "Model output"
 * @param invoice  the invoice, or empty
 * @param what     what happened, in words
 * @param hash     the entry's full hash
 * @param problem  what verification found wrong with it, or {@code null}
 * @param source   the chain it is in (one per user)
 */
public record AuditRow(long seq, String time, String user, String kind, String invoice, String what, String hash,
                       String problem, String source) {

    /** The first 12 characters of the hash, for the table. */
    public String shortHash() {
        return hash.substring(0, Math.min(12, hash.length()));
    }
}
