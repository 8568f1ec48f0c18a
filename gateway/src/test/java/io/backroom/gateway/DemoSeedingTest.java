package io.backroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.gateway.support.Api;
import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.io.SampleDataset;
import io.backroom.sampledata.model.Role;
import io.backroom.sampledata.model.User;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's embedded mode: a fresh database seeded from the committed demo set, once. */
class DemoSeedingTest {
    @TempDir
    Path dir;

    @Test
    void seedsTheDemoRetailerOnFirstStartOnlyAndItsUsersCanSignIn() {
        SampleDataset demo = SampleDataset.demo();
        User clerk = demo.readAll(DataFiles.USERS).stream().filter(u -> u.roles().contains(Role.AP_CLERK)).findFirst()
                .orElseThrow();
        Path db = dir.resolve("embedded.db");
        long firstInvoices;
        try (GatewayServer server = GatewayServer.start(GatewayConfig.embedded(db))) {
            Api.Response token = new Api(server.baseUrl(), null).post("/api/v1/auth/token",
                    Map.of("username", clerk.username(), "password", clerk.demoPassword()));
            assertThat(token.status()).as(token.body()).isEqualTo(200);
            Api api = new Api(server.baseUrl(), token.json().path("accessToken").asText());
            JsonNode held = api.get("/api/v1/invoices?status=ON_HOLD&limit=500").json();
            assertThat(held.path("items").size()).isGreaterThan(10);
            JsonNode metrics = api.get("/api/v1/metrics/ap").json();
            firstInvoices = metrics.path("invoices").asLong();
            assertThat(firstInvoices).isEqualTo(demo.manifest().counts().get("invoices"));
            assertThat(metrics.path("touchlessRate").decimalValue()).isBetween(new java.math.BigDecimal("0.3"),
                    new java.math.BigDecimal("0.95"));
            assertThat(api.get("/api/v1/suppliers?limit=500").json().path("items").size()).isGreaterThan(100);
        }
        long started = System.nanoTime();
        try (GatewayServer again = GatewayServer.start(GatewayConfig.embedded(db))) {
            assertThat((System.nanoTime() - started) / 1_000_000).as("restart ms").isLessThan(3000);
            Api.Response token = new Api(again.baseUrl(), null).post("/api/v1/auth/token",
                    Map.of("username", clerk.username(), "password", clerk.demoPassword()));
            Api api = new Api(again.baseUrl(), token.json().path("accessToken").asText());
            assertThat(api.get("/api/v1/metrics/ap").json().path("invoices").asLong()).isEqualTo(firstInvoices);
        }
    }
}
