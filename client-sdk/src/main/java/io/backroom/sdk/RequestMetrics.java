package io.backroom.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * One attempt of one call, as reported to a {@link RequestMetricsListener}.
 *
 * @param method    HTTP method
 * @param path      request path, without query, for example {@code /api/v1/invoices}
 * @param attempt   {@code 1} for the first attempt, {@code 2} for the first retry, ...
 * @param status    HTTP status, or {@code 0} when no answer arrived
 * @param duration  time from sending the request to having the answer's headers (or failing)
 * @param requestId the answer's {@code X-Request-Id}, or {@code null}
 * @param failure   simple name of the exception when the attempt failed without an answer, else {@code null}
 * @param willRetry whether the client is going to retry after this attempt
 */
public record RequestMetrics(String method, String path, int attempt, int status, Duration duration,
                             String requestId, String failure, boolean willRetry) {
    /** Checks the required components. */
    public RequestMetrics {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(duration, "duration");
    }

    /** Whether the attempt got a 2xx answer. */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
