package io.backroom.sdk;

import static io.backroom.sdk.MockGateway.health;
import static io.backroom.sdk.MockGateway.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.ApiVersion;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClientOptionsTest {
    private final MockGateway gateway = new MockGateway();

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void derivesChangedOptionsWithoutTouchingTheOriginal() {
        try (BackroomClient client = gateway.client().maxRetries(4).readTimeout(Duration.ofSeconds(9)).build()) {
            ClientOptions options = client.options();
            ClientOptions changed = options.toBuilder().maxRetries(1).build().options();
            assertThat(changed.maxRetries()).isEqualTo(1);
            assertThat(changed.readTimeout()).isEqualTo(Duration.ofSeconds(9));
            assertThat(changed.baseUrl()).isEqualTo(options.baseUrl());
            assertThat(options.maxRetries()).isEqualTo(4);
        }
    }

    @Test
    void pinsTheApiVersionItSends() {
        gateway.enqueue(ok(health()));
        try (BackroomClient client = gateway.client().apiVersion("1.3").build()) {
            client.health();
        }
        assertThat(gateway.take().getHeaders().get(ApiVersion.HEADER)).isEqualTo("1.3");
    }

    @Test
    void refusesAVersionPinThisSdkCannotSpeak() {
        assertThatThrownBy(() -> BackroomClient.builder().apiVersion("2.0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.x");
        assertThatThrownBy(() -> BackroomClient.builder().apiVersion("v1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("major.minor");
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> BackroomClient.builder().baseUrl("ftp://example.invalid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
        assertThatThrownBy(() -> BackroomClient.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("baseUrl");
        assertThatThrownBy(() -> BackroomClient.builder().maxRetries(-1)).hasMessageContaining("maxRetries");
        assertThatThrownBy(() -> BackroomClient.builder().timeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> BackroomClient.builder().retryDelays(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .hasMessageContaining("shorter");
        assertThatThrownBy(() -> Credentials.password(" ", () -> new char[0])).hasMessageContaining("username");
        assertThatThrownBy(() -> RequestOptions.builder().idempotencyKey("has space")).hasMessageContaining("visible ASCII");
    }

    @Test
    void showsNoSecretInText() {
        try (BackroomClient client = gateway.client().token("very-secret-token").build()) {
            assertThat(client.toString()).contains(client.baseUrl().toString()).doesNotContain("very-secret-token");
        }
        assertThat(Credentials.password("u", "pw-123"::toCharArray).toString()).contains("u").doesNotContain("pw-123");
    }

    @Test
    void runsCallsAsynchronouslyAndFailsTheFutureWithTheTypedError() {
        gateway.enqueue(ok(health())).enqueue(MockGateway.problem(404, "not-found", "no"));
        try (BackroomClient client = gateway.client().build()) {
            assertThat(client.healthAsync().join().isUp()).isTrue();
            assertThatThrownBy(() -> client.invoices().getAsync("X").join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void derivesAScopedClientThatSharesTheSignInAndConnections() {
        gateway.enqueue(ok(new io.backroom.api.model.Token("tok", "Bearer", java.time.Instant.parse("2099-01-01T00:00:00Z"), null)))
                .enqueue(ok(java.util.Map.of("permissions", java.util.List.of())))
                .enqueue(MockGateway.problem(503, "internal", "busy"));
        try (BackroomClient client = gateway.client().credentials("ap.clerk", "pw"::toCharArray).build()) {
            client.me();
            BackroomClient impatient = client.withOptions(o -> o.maxRetries(0));
            assertThat(impatient.options().maxRetries()).isZero();
            assertThatThrownBy(impatient::me).isInstanceOf(ServerErrorException.class);
            impatient.close();
            gateway.enqueue(ok(java.util.Map.of("permissions", java.util.List.of("x"))));
            assertThat(client.me().permissions()).containsExactly("x");
        }
        assertThat(gateway.server.getRequestCount()).isEqualTo(4);
        gateway.take();
        gateway.take();
        assertThat(gateway.take().getHeaders().get("Authorization")).isEqualTo("Bearer tok");
        assertThat(gateway.take().getHeaders().get("Authorization")).isEqualTo("Bearer tok");
    }
}
