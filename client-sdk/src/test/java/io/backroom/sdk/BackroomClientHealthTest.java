package io.backroom.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.ApiVersion;
import io.backroom.api.model.Health;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BackroomClientHealthTest {
    private MockWebServer server;
    private BackroomClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = BackroomClient.builder().baseUrl(server.url("/").toString()).build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    @Test
    void readsHealthAndToleratesUnknownFields() throws Exception {
        server.enqueue(new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .body("{\"status\":\"UP\",\"version\":\"9.9.9\",\"apiVersion\":\"1.0\",\"mode\":\"sandbox\","
                        + "\"time\":\"2026-11-26T10:15:30Z\",\"somethingNew\":true}")
                .build());

        Health health = client.health();

        assertThat(health.isUp()).isTrue();
        assertThat(health.version()).isEqualTo("9.9.9");
        assertThat(health.time()).isEqualTo(Instant.parse("2026-11-26T10:15:30Z"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/api/v1/health");
        assertThat(request.getHeaders().get(ApiVersion.HEADER)).isEqualTo(ApiVersion.CURRENT);
    }

    @Test
    void turnsAProblemDocumentIntoATypedError() {
        server.enqueue(new MockResponse.Builder()
                .code(503)
                .addHeader("Content-Type", "application/problem+json")
                .addHeader(ApiVersion.REQUEST_ID_HEADER, "req-7")
                .body("{\"type\":\"https://backroom.io/problems/unavailable\",\"title\":\"Unavailable\","
                        + "\"status\":503,\"detail\":\"ERP is down\"}")
                .build());

        assertThatThrownBy(client::health)
                .isInstanceOfSatisfying(BackroomServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(503);
                    assertThat(e.type()).isEqualTo("https://backroom.io/problems/unavailable");
                    assertThat(e.detail()).isEqualTo("ERP is down");
                    assertThat(e.requestId()).isEqualTo("req-7");
                });
    }

    @Test
    void reportsAnUnreachableGatewayAsAnIoError() throws Exception {
        String url = server.url("/").toString();
        server.close();
        try (BackroomClient offline = BackroomClient.builder().baseUrl(url).build()) {
            assertThatThrownBy(offline::health).isInstanceOf(BackroomIoException.class)
                    .hasMessageContaining("Could not reach the gateway");
        }
    }

    @Test
    void refusesANonHttpBaseUrl() {
        assertThatThrownBy(() -> BackroomClient.builder().baseUrl("ftp://example.invalid"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://");
    }
}
