package io.backroom.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    private static RetryPolicy policy(double random) {
        return new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(8), CLOCK, () -> random);
    }

    @Test
    void doublesTheWaitUpToTheCap() {
        RetryPolicy noJitter = policy(0.0);
        assertThat(noJitter.delayBefore(1, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(noJitter.delayBefore(2, null)).isEqualTo(Duration.ofSeconds(1));
        assertThat(noJitter.delayBefore(4, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(noJitter.delayBefore(5, null)).isEqualTo(Duration.ofSeconds(8));
        assertThat(noJitter.delayBefore(60, null)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void shortensTheWaitByUpToAQuarterAtRandom() {
        assertThat(policy(0.9999).delayBefore(1, null)).isEqualTo(Duration.ofMillis(375));
        assertThat(policy(0.5).delayBefore(3, null)).isEqualTo(Duration.ofMillis(1750));
    }

    @Test
    void honoursRetryAfterInSecondsOrAsADate() {
        RetryPolicy policy = policy(0.5);
        assertThat(policy.delayBefore(1, "2")).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayBefore(1, "0.25")).isEqualTo(Duration.ofMillis(250));
        assertThat(policy.delayBefore(1, "Thu, 26 Nov 2026 10:00:12 GMT")).isEqualTo(Duration.ofSeconds(12));
        assertThat(policy.delayBefore(1, "Thu, 26 Nov 2026 09:59:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresAnUnreadableOrExcessiveRetryAfter() {
        RetryPolicy policy = policy(0.0);
        assertThat(policy.delayBefore(1, "soon")).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayBefore(1, "-3")).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delayBefore(1, "3600")).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void retriesOnlyTransientStatuses() {
        assertThat(RetryPolicy.isRetryableStatus(408)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(429)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(500)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(503)).isTrue();
        assertThat(RetryPolicy.isRetryableStatus(400)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(409)).isFalse();
        assertThat(RetryPolicy.isRetryableStatus(412)).isFalse();
    }

    @Test
    void replaysAPostOnlyWithAnIdempotencyKey() {
        Request get = new Request.Builder().url("http://h/x").build();
        Request post = new Request.Builder().url("http://h/x").post(RequestBody.create(new byte[0])).build();
        assertThat(RetryPolicy.isReplayable(get)).isTrue();
        assertThat(RetryPolicy.isReplayable(post)).isFalse();
        assertThat(RetryPolicy.isReplayable(post.newBuilder().header("Idempotency-Key", "k").build())).isTrue();
        assertThat(RetryPolicy.isReplayable(post.newBuilder().put(RequestBody.create(new byte[0])).build())).isTrue();
    }
}
