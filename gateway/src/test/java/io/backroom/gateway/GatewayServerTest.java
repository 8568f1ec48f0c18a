package io.backroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.ApiVersion;
import io.backroom.api.model.Health;
import io.backroom.gateway.support.TestStores;
import io.backroom.sdk.BackroomClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GatewayServerTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    @TempDir
    Path dir;

    private GatewayServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, TestStores.of(dir.resolve("gw.db")), "none",
                Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void answersHealthThroughTheSdkOverLoopback() {
        try (BackroomClient client = BackroomClient.builder().baseUrl(server.baseUrl()).build()) {
            Health health = client.health();
            assertThat(health.status()).isEqualTo("UP");
            assertThat(health.apiVersion()).isEqualTo(ApiVersion.CURRENT);
            assertThat(health.version()).isEqualTo(GatewayVersion.get()).isNotBlank();
            assertThat(health.mode()).isEqualTo("sandbox");
            assertThat(health.time()).isEqualTo(NOW);
        }
    }

    @Test
    void echoesTheCallersRequestIdAndNamesTheApiVersion() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/health"))
                .header(ApiVersion.REQUEST_ID_HEADER, "req-42").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue(ApiVersion.REQUEST_ID_HEADER)).contains("req-42");
        assertThat(response.headers().firstValue(ApiVersion.HEADER)).contains(ApiVersion.CURRENT);
    }

    @Test
    void generatesARequestIdWhenTheCallerSendsNoneOrAnUnsafeOne() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/health"))
                .header(ApiVersion.REQUEST_ID_HEADER, "bad id with spaces").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue(ApiVersion.REQUEST_ID_HEADER)).get().asString()
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void answersAnUnknownRouteWithAProblemDocument() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://backroom.io/problems/not-found\"")
                .contains("\"status\":404").contains("/api/v1/nope");
    }
}
