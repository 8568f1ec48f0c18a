package io.backroom.sdk;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** 429 Too Many Requests, once the call's retries are used up. */
public class RateLimitedException extends BackroomServiceException {
    private final Duration retryAfter;

    /**
     * @param retryAfter how long the gateway asked to wait, or {@code null} if it did not say
     */
    public RateLimitedException(int status, ProblemDetails problem, Map<String, List<String>> headers,
                                Duration retryAfter) {
        super(status, problem, headers);
        this.retryAfter = retryAfter;
    }

    /** How long the gateway asked the caller to wait ({@code Retry-After}), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
