package io.backroom.sdk;

/**
 * Told about every attempt of every call, on the thread that made it. Keep it fast and let it not
 * throw: an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface RequestMetricsListener {
    /** Does nothing. */
    RequestMetricsListener NONE = metrics -> { };

    /** Called once per attempt, after the answer's headers arrived or the attempt failed. */
    void onAttempt(RequestMetrics metrics);
}
