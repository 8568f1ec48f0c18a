package io.backroom.sdk.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.DoubleSupplier;
import okhttp3.Request;

/**
 * When to retry and how long to wait: I/O errors, 408, 429 and 5xx are retried; a request is
 * replayed only when repeating it is safe (an idempotent method, or a POST carrying an
 * {@code Idempotency-Key}); waits grow exponentially from {@code initialDelay} up to
 * {@code maxDelay}, shortened by up to a quarter at random, unless the server's
 * {@code Retry-After} (at most {@link #MAX_RETRY_AFTER}) says otherwise.
 */
public final class RetryPolicy {
    /** The header that makes a POST safe to repeat. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** A {@code Retry-After} longer than this is not waited for; the computed backoff is used. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);
    private static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Clock clock;
    private final DoubleSupplier random;

    /**
     * @param random uniform values in {@code [0, 1)} for the jitter
     */
    public RetryPolicy(Duration initialDelay, Duration maxDelay, Clock clock, DoubleSupplier random) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.clock = clock;
        this.random = random;
    }

    /** Whether an answer with this status is worth trying again. */
    public static boolean isRetryableStatus(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    /** Whether sending this request again cannot do a thing twice. */
    public static boolean isReplayable(Request request) {
        return IDEMPOTENT_METHODS.contains(request.method()) || request.header(IDEMPOTENCY_KEY) != null;
    }

    /**
     * How long to wait before retry number {@code retry} (1 for the first retry).
     *
     * @param retryAfter the server's {@code Retry-After} header, or {@code null}
     */
    public Duration delayBefore(int retry, String retryAfter) {
        Optional<Duration> asked = parseRetryAfter(retryAfter);
        if (asked.isPresent() && asked.get().compareTo(MAX_RETRY_AFTER) <= 0) {
            return asked.get();
        }
        long base = initialDelay.toMillis() << Math.min(retry - 1, 20);
        long capped = Math.min(base, maxDelay.toMillis());
        double jitter = 1.0 - 0.25 * random.getAsDouble();
        return Duration.ofMillis(Math.round(capped * jitter));
    }

    /** The wait a {@code Retry-After} value asks for: delta-seconds or an HTTP date; empty if absent or unreadable. */
    public Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String text = value.trim();
        try {
            double seconds = Double.parseDouble(text);
            return seconds < 0 || Double.isNaN(seconds) ? Optional.empty()
                    : Optional.of(Duration.ofMillis(Math.round(seconds * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ROOT)).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}
