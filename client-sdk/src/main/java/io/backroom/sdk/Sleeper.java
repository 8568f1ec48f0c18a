package io.backroom.sdk;

import java.time.Duration;

/** Waits between retries. Replace it in tests to run retries without waiting. */
@FunctionalInterface
public interface Sleeper {
    /** The real thing: {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    /** Waits for {@code duration}; throws if the thread is interrupted meanwhile. */
    void sleep(Duration duration) throws InterruptedException;
}
