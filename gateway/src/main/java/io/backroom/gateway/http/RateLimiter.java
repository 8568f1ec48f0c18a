package io.backroom.gateway.http;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token-bucket rate limiter, one bucket per caller (bearer token, or address before sign-in). A caller may burst
 * up to {@code burst} requests and then make {@code perSecond} per second.
 */
public final class RateLimiter {
    private final double perSecond;
    private final int burst;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(double perSecond, int burst, Clock clock) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one request from {@code caller}'s bucket; returns 0 if allowed, else the seconds to wait. */
    public long acquire(String caller) {
        if (buckets.size() > 100_000) {
            buckets.clear();
        }
        Bucket b = buckets.computeIfAbsent(caller, k -> new Bucket(burst, System.nanoTime()));
        synchronized (b) {
            long now = System.nanoTime();
            b.tokens = Math.min(burst, b.tokens + (now - b.updated) / 1e9 * perSecond);
            b.updated = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - b.tokens) / perSecond);
        }
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    Clock clock() {
        return clock;
    }
}
