package io.backroom.app.services.outbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Capped exponential backoff with full jitter: after attempt {@code n} wait a random time in
 * {@code [base * 2^(n-1) / 2, base * 2^(n-1)]}, never more than {@code cap}. A server's
 * {@code Retry-After} wins when it is given.
 */
public record Backoff(Duration base, Duration cap, RandomGenerator random) {

    /** 1 s doubling up to 1 min. */
    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1), RandomGenerator.getDefault());
    }

    /** The wait after {@code attempts} failed attempts (1 or more). */
    public Duration after(int attempts, Duration retryAfter) {
        if (retryAfter != null && !retryAfter.isNegative()) {
            return retryAfter.compareTo(cap) > 0 ? cap : retryAfter;
        }
        int shift = Math.min(Math.max(attempts, 1) - 1, 20);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << shift);
        long floor = ceiling / 2;
        return Duration.ofMillis(floor + (ceiling > floor ? random.nextLong(ceiling - floor + 1) : 0));
    }
}
