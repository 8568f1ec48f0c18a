package io.backroom.sdk;

import static io.backroom.sdk.MockGateway.health;
import static io.backroom.sdk.MockGateway.json;
import static io.backroom.sdk.MockGateway.ok;
import static io.backroom.sdk.MockGateway.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.ApiVersion;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.Health;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetriesAndFailuresTest {
    private final MockGateway gateway = new MockGateway();

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void readsHealthSendsTheApiVersionAndToleratesUnknownFields() {
        gateway.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"status\":\"UP\",\"version\":\"9.9.9\",\"apiVersion\":\"1.0\",\"mode\":\"sandbox\","
                        + "\"time\":\"2026-11-26T10:15:30Z\",\"somethingNew\":{\"nested\":true}}"));
        try (BackroomClient client = gateway.client().build()) {
            Health health = client.health();
            assertThat(health.isUp()).isTrue();
            assertThat(health.time()).isEqualTo(MockGateway.NOW);
        }
        RecordedRequest request = gateway.take();
        assertThat(request.getTarget()).isEqualTo("/api/v1/health");
        assertThat(request.getHeaders().get(ApiVersion.HEADER)).isEqualTo(ApiVersion.CURRENT);
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void retriesA500AndReturnsTheLaterSuccess() {
        gateway.enqueue(problem(500, "internal", "boom")).enqueue(ok(health()));
        try (BackroomClient client = gateway.client().build()) {
            assertThat(client.health().isUp()).isTrue();
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(2);
        assertThat(gateway.sleeps).hasSize(1);
        assertThat(gateway.sleeps.get(0)).isBetween(Duration.ofMillis(375), Duration.ofMillis(500));
        assertThat(gateway.attempts).extracting(RequestMetrics::status).containsExactly(500, 200);
        assertThat(gateway.attempts).extracting(RequestMetrics::willRetry).containsExactly(true, false);
        assertThat(gateway.attempts).extracting(RequestMetrics::attempt).containsExactly(1, 2);
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastServerError() {
        for (int i = 0; i < 3; i++) {
            gateway.enqueue(problem(503, "internal", "ERP down " + i));
        }
        try (BackroomClient client = gateway.client().maxRetries(2).build()) {
            assertThatThrownBy(client::health).isInstanceOfSatisfying(ServerErrorException.class, e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.detail()).isEqualTo("ERP down 2");
                assertThat(e.requestId()).isEqualTo("req-503");
            });
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(3);
        assertThat(gateway.sleeps).hasSize(2);
        assertThat(gateway.sleeps.get(1)).isBetween(Duration.ofMillis(750), Duration.ofMillis(1000));
    }

    @Test
    void waitsAsLongAsRetryAfterSaysOnA429() {
        gateway.enqueue(problem(429, "rate-limited", "slow down").addHeader("Retry-After", "3")).enqueue(ok(health()));
        try (BackroomClient client = gateway.client().build()) {
            client.health();
        }
        assertThat(gateway.sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void reportsRateLimitingWithTheRequestedWaitOnceRetriesAreUsedUp() {
        gateway.enqueue(problem(429, "rate-limited", "slow down").addHeader("Retry-After", "7"));
        try (BackroomClient client = gateway.client().maxRetries(0).build()) {
            assertThatThrownBy(client::health).isInstanceOfSatisfying(RateLimitedException.class,
                    e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        }
        assertThat(gateway.sleeps).isEmpty();
    }

    @Test
    void retriesA408() {
        gateway.enqueue(new MockResponse.Builder().code(408)).enqueue(ok(health()));
        try (BackroomClient client = gateway.client().build()) {
            assertThat(client.health().isUp()).isTrue();
        }
    }

    @Test
    void doesNotRetryAClientError() {
        gateway.enqueue(problem(404, "not-found", "no such invoice"));
        try (BackroomClient client = gateway.client().build()) {
            assertThatThrownBy(() -> client.invoices().get("INV-9")).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("no such invoice").hasMessageContaining("req-404");
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void timesOutASlowAnswerAndRetriesIt() {
        gateway.enqueue(ok(health()).headersDelay(2, TimeUnit.SECONDS)).enqueue(ok(health()));
        try (BackroomClient client = gateway.client().timeout(Duration.ofMillis(300)).build()) {
            assertThat(client.health().isUp()).isTrue();
        }
        assertThat(gateway.attempts.get(0).status()).isZero();
        assertThat(gateway.attempts.get(0).failure()).isNotNull();
        assertThat(gateway.attempts.get(0).willRetry()).isTrue();
    }

    @Test
    void reportsATimeoutAsAnIoErrorWhenRetriesAreUsedUp() {
        gateway.enqueue(ok(health()).headersDelay(2, TimeUnit.SECONDS));
        try (BackroomClient client = gateway.client().build()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.health(RequestOptions.builder().timeout(Duration.ofMillis(200)).maxRetries(0).build()))
                    .isInstanceOf(BackroomIoException.class).hasMessageContaining("Timed out calling GET");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void timesOutABodyThatStallsBetweenReads() {
        gateway.enqueue(ok(health()).bodyDelay(2, TimeUnit.SECONDS)).enqueue(ok(health()));
        try (BackroomClient client = gateway.client().readTimeout(Duration.ofMillis(200)).build()) {
            assertThat(client.health().isUp()).isTrue();
        }
        assertThat(gateway.attempts).extracting(RequestMetrics::status).containsExactly(0, 200);
        assertThat(gateway.attempts.get(0).failure()).isEqualTo("SocketTimeoutException");
    }

    @Test
    void retriesABodyCutOffMidway() {
        gateway.enqueue(ok(health()).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)).enqueue(ok(health()));
        try (BackroomClient client = gateway.client().build()) {
            assertThat(client.health().isUp()).isTrue();
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void reportsABodyCutOffEveryTimeAsAnIoError() {
        gateway.enqueue(ok(health()).onResponseBody(SocketEffect.ShutdownConnection.INSTANCE));
        try (BackroomClient client = gateway.client().maxRetries(0).build()) {
            assertThatThrownBy(client::health).isInstanceOf(BackroomIoException.class);
        }
    }

    @Test
    void reportsMalformedJsonAsAnInvalidResponseWithoutRetrying() {
        gateway.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .addHeader(ApiVersion.REQUEST_ID_HEADER, "req-bad").body("{\"status\":\"UP\",\"version\":"));
        try (BackroomClient client = gateway.client().build()) {
            assertThatThrownBy(client::health).isInstanceOfSatisfying(BackroomInvalidResponseException.class, e -> {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.requestId()).isEqualTo("req-bad");
                assertThat(e).hasMessageContaining("GET").hasMessageContaining("/api/v1/health").hasMessageContaining("Health");
            });
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsAMissingRequiredFieldAsAnInvalidResponse() {
        gateway.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"status\":\"UP\",\"apiVersion\":\"1.0\",\"mode\":\"sandbox\",\"time\":\"2026-11-26T10:15:30Z\"}"));
        try (BackroomClient client = gateway.client().build()) {
            assertThatThrownBy(client::health).isInstanceOf(BackroomInvalidResponseException.class).hasMessageContaining("version");
        }
    }

    @Test
    void reportsAnEmptySuccessBodyAsAnInvalidResponse() {
        gateway.enqueue(new MockResponse.Builder().code(200));
        try (BackroomClient client = gateway.client().build()) {
            assertThatThrownBy(client::health).isInstanceOf(BackroomInvalidResponseException.class).hasMessageContaining("empty");
        }
    }

    @Test
    void refusesToTalkToAGatewayOfAnotherMajorVersion() {
        gateway.enqueue(ok(health()).setHeader(ApiVersion.HEADER, "2.1"));
        try (BackroomClient client = gateway.client().build()) {
            assertThatThrownBy(client::health).isInstanceOfSatisfying(IncompatibleApiVersionException.class, e -> {
                assertThat(e.serverVersion()).isEqualTo("2.1");
                assertThat(e.clientVersion()).isEqualTo("1.0");
                assertThat(e).hasMessageContaining("2.x");
            });
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void acceptsANewerMinorVersionOfTheSameMajor() {
        gateway.enqueue(ok(health()).setHeader(ApiVersion.HEADER, "1.7"));
        try (BackroomClient client = gateway.client().build()) {
            assertThat(client.health().isUp()).isTrue();
        }
    }

    @Test
    void reusesOneIdempotencyKeyAcrossTheRetriesOfAPost() {
        gateway.enqueue(problem(503, "internal", "busy"))
                .enqueue(new MockResponse.Builder().onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).body("{\"decision\":"))
                .enqueue(json(200, java.util.Map.of("decision", java.util.Map.of(), "invoice", java.util.Map.of())))
                .enqueue(problem(503, "internal", "busy")).enqueue(problem(409, "invalid-transition", "already released"));
        DecisionRequest release = new DecisionRequest(DecisionType.RELEASE, null, null, null);
        try (BackroomClient client = gateway.client().build()) {
            client.invoices().decide("INV-1", 4, release);
            assertThatThrownBy(() -> client.invoices().decide("INV-1", 4, release)).isInstanceOf(ConflictException.class);
        }
        String first = gateway.take().getHeaders().get("Idempotency-Key");
        assertThat(first).isNotBlank();
        assertThat(gateway.take().getHeaders().get("Idempotency-Key")).isEqualTo(first);
        RecordedRequest third = gateway.take();
        assertThat(third.getHeaders().get("Idempotency-Key")).isEqualTo(first);
        assertThat(third.getHeaders().get("If-Match")).isEqualTo("\"4\"");
        String secondCall = gateway.take().getHeaders().get("Idempotency-Key");
        assertThat(secondCall).isNotEqualTo(first);
        assertThat(gateway.take().getHeaders().get("Idempotency-Key")).isEqualTo(secondCall);
    }

    @Test
    void sendsTheCallersOwnIdempotencyKey() {
        gateway.enqueue(problem(500, "internal", "x")).enqueue(problem(400, "validation", "bad"));
        try (BackroomClient client = gateway.client().build()) {
            assertThatThrownBy(() -> client.invoices().decide("INV-1", 1, new DecisionRequest(DecisionType.HOLD, null, "n", null),
                    RequestOptions.builder().idempotencyKey("hold-INV-1-v1").build())).isInstanceOf(BadRequestException.class);
        }
        assertThat(gateway.take().getHeaders().get("Idempotency-Key")).isEqualTo("hold-INV-1-v1");
        assertThat(gateway.take().getHeaders().get("Idempotency-Key")).isEqualTo("hold-INV-1-v1");
    }

    @Test
    void honoursPerCallMaxRetries() {
        gateway.enqueue(problem(500, "internal", "x"));
        try (BackroomClient client = gateway.client().maxRetries(5).build()) {
            assertThatThrownBy(() -> client.health(RequestOptions.builder().maxRetries(0).build()))
                    .isInstanceOf(ServerErrorException.class);
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void reportsAnUnreachableGatewayAsAnIoErrorAfterRetrying() {
        String url = gateway.server.url("/").toString();
        gateway.close();
        try (BackroomClient offline = gateway.client().baseUrl(url).build()) {
            assertThatThrownBy(offline::health).isInstanceOf(BackroomIoException.class)
                    .hasMessageContaining("Could not reach the gateway").hasMessageContaining("after 3 attempts");
        }
        assertThat(gateway.sleeps).hasSize(2);
    }

    @Test
    void keepsCallingWhenTheMetricsListenerThrows() {
        gateway.enqueue(ok(health()));
        try (BackroomClient client = gateway.client().metricsListener(m -> {
            throw new IllegalStateException("listener bug");
        }).build()) {
            assertThat(client.health().isUp()).isTrue();
        }
    }

    @Test
    void stopsRetryingWhenInterrupted() {
        gateway.enqueue(problem(500, "internal", "x"));
        try (BackroomClient client = gateway.client().sleeper(d -> {
            throw new InterruptedException();
        }).build()) {
            assertThatThrownBy(client::health).isInstanceOf(BackroomIoException.class).hasMessageContaining("Interrupted");
            assertThat(Thread.interrupted()).isTrue();
        }
    }
}
