package io.backroom.app.services.audit;

import java.util.List;

/**
 * Where the audit log is pushed, in order: the gateway's {@code POST /api/v1/audit-events}.
 * The SDK-backed implementation lives with the gateway connection; the log only needs this.
 */
@FunctionalInterface
public interface AuditSink {

    /**
     * Delivers {@code batch} (consecutive entries, oldest first). Returns normally only once the
     * receiver has stored all of them; throws {@link PushFailedException} otherwise, and the same
     * entries are offered again later.
     */
    void push(List<AuditEntry> batch) throws PushFailedException;

    /** The batch was not stored; it will be offered again. */
    final class PushFailedException extends Exception {
        public PushFailedException(String message, Throwable cause) {
            super(message, cause);
        }

        public PushFailedException(String message) {
            super(message);
        }
    }
}
