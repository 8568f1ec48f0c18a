package io.backroom.app.services.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), new SplittableRandom(3));

    @Test
    void doublesWithJitterUpToTheCap() {
        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = Math.min(60_000, 1000L << (attempt - 1));
            for (int i = 0; i < 50; i++) {
                assertThat(backoff.after(attempt, null).toMillis()).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void honoursTheServersRetryAfterWithinTheCap() {
        assertThat(backoff.after(1, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
        assertThat(backoff.after(1, Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(60));
    }
}
