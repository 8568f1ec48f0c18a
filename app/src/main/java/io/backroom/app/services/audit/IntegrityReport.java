package io.backroom.app.services.audit;

import java.util.List;

/**
 * The outcome of {@link AuditLog#verify()}.
 *
 * @param entriesChecked how many entries were read
 * @param headSeq        how many entries the heads of the log's chains record as written
 * @param problems       every break found, chain by chain, in chain order; empty when every chain is intact
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
     * @param message a plain sentence naming the entry (and its chain, when the log has several)
     * @param source  the chain the entry is in (null when it names no chain of this installation)
     */
    public record Problem(long seq, Type type, String message, String source) {
        public Problem(long seq, Type type, String message) {
            this(seq, type, message, null);
        }

        /** The key of the entry concerned in its chain, as {@link #key(String, long)} gives it. */
        public String key() {
            return key(source, seq);
        }

        /** The key of entry {@code seq} of chain {@code source} (sequence numbers repeat across chains). */
        public static String key(String source, long seq) {
            return source + "#" + seq;
        }
    }
}
