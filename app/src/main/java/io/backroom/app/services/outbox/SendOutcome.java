package io.backroom.app.services.outbox;

import java.time.Duration;

/** What the gateway made of one decision. */
public sealed interface SendOutcome {

    /** Applied (or already applied under the same idempotency key). */
    record Applied(Long newVersion) implements SendOutcome {
    }

    /**
     * 412: the invoice changed since the person looked at it.
     *
     * @param currentVersion the version now on the gateway, if known
     * @param whatChanged    a plain description of the change, if known
     */
    record Conflict(Long currentVersion, String whatChanged) implements SendOutcome {
    }

    /** Refused for good (403, 404, 422 ...): retrying the same request cannot succeed. */
    record Rejected(String reason) implements SendOutcome {
    }

    /**
     * Not delivered for now (network down, timeout, 429, 5xx): send again later.
     *
     * @param reason     what went wrong
     * @param retryAfter the server's {@code Retry-After}, or {@code null} to use the outbox's backoff
     */
    record RetryLater(String reason, Duration retryAfter) implements SendOutcome {
    }
}
