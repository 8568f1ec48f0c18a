package io.backroom.app.services.audit;

import java.util.List;

/**
 * The outcome of {@link AuditLog#verify()}.
 *
 * @param entriesChecked how many entries were read
 * @param headSeq        the last sequence number the log recorded as written
 * @param problems       every break found, in chain order; empty when the chain is intact
 */
public record IntegrityReport(long entriesChecked, long headSeq, List<Problem> problems) {
    public IntegrityReport {
        problems = List.copyOf(problems);
    }

    /** Whether no entry was edited or removed. */
    public boolean intact() {
        return problems.isEmpty();
    }

    /** One plain sentence for a banner. */
    public String summary() {
        if (intact()) {
            return "Audit log intact: " + entriesChecked + (entriesChecked == 1 ? " entry" : " entries")
                    + " verified, none edited or removed.";
        }
        return "Audit log damaged: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " found. " + problems.get(0).message();
    }

    /** What is wrong with the chain. */
    public enum Type {
        /** The entry's content no longer matches its hash, or it was rewritten with a new hash. */
        EDITED,
        /** One or more entries were removed. */
        REMOVED
    }

    /**
     * One break of the chain.
     *
     * @param seq     the first entry concerned
     * @param type    edited or removed
     * @param message a plain sentence naming the entry
     */
    public record Problem(long seq, Type type, String message) {
    }
}
