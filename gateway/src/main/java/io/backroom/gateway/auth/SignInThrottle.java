package io.backroom.gateway.auth;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Backoff on failed sign-ins, per account and per address. After {@value #ACCOUNT_FREE} failures in a row for one
 * user name (known or not: the throttle never says which), or {@value #ADDRESS_FREE} from one address, each further
 * failure locks that account or address for twice as long as the previous one: 1 s, 2 s, 4 s ... up to
 * {@value #MAX_LOCK_SECONDS} s. While locked, every sign-in (even with the right password) is refused with 429 and
 * {@code Retry-After}. A success clears the account's count; a quiet {@value #FORGET_SECONDS} s clears either.
 * Durations are measured on a monotonic clock (injectable for tests).
 */
public final class SignInThrottle {
    public static final int ACCOUNT_FREE = 5;
    public static final int ADDRESS_FREE = 30;
    public static final long MAX_LOCK_SECONDS = 900;
    public static final long FORGET_SECONDS = 900;
    private static final int MAX_KEYS = 100_000;
    private static final long SECOND = 1_000_000_000L;

    private final LongSupplier nanos;
    private final ConcurrentHashMap<String, State> states = new ConcurrentHashMap<>();

    public SignInThrottle() {
        this(System::nanoTime);
    }

    public SignInThrottle(LongSupplier nanos) {
        this.nanos = nanos;
    }

    private static final class State {
        int failures;
        long lastFailure;
        long lockedUntil;
    }

    private static String account(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String address(String ip) {
        return "ip:" + ip;
    }

    /** Seconds until {@code username} from {@code ip} may try again; 0 when it may now. */
    public long waitSeconds(String username, String ip) {
        long now = nanos.getAsLong();
        return Math.max(wait(account(username), now), wait(address(ip), now));
    }

    private long wait(String key, long now) {
        State s = states.get(key);
        if (s == null) {
            return 0;
        }
        synchronized (s) {
            long left = s.lockedUntil - now;
            return left <= 0 ? 0 : (left + SECOND - 1) / SECOND;
        }
    }

    public void failed(String username, String ip) {
        if (states.size() > MAX_KEYS) {
            states.clear();
        }
        long now = nanos.getAsLong();
        fail(account(username), ACCOUNT_FREE, now);
        fail(address(ip), ADDRESS_FREE, now);
    }

    private void fail(String key, int free, long now) {
        State s = states.computeIfAbsent(key, k -> new State());
        synchronized (s) {
            if (s.failures > 0 && now - s.lastFailure > FORGET_SECONDS * SECOND) {
                s.failures = 0;
            }
            s.failures++;
            s.lastFailure = now;
            if (s.failures >= free) {
                int over = Math.min(30, s.failures - free);
                long seconds = Math.min(MAX_LOCK_SECONDS, 1L << over);
                s.lockedUntil = now + seconds * SECOND;
            }
        }
    }

    public void succeeded(String username) {
        states.remove(account(username));
    }
}
