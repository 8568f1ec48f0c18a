package io.backroom.sdk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiJson;
import io.backroom.api.ApiVersion;
import io.backroom.api.ProblemTypes;
import io.backroom.api.model.Health;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.Money;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A scripted gateway on loopback for the SDK's unit tests: a real HTTP server whose answers (and
 * faults) the test enqueues, plus a client wired to it that records its sleeps and attempts.
 */
final class MockGateway implements AutoCloseable {
    static final ObjectMapper JSON = ApiJson.newMapper();
    static final Instant NOW = Instant.parse("2026-11-26T10:15:30Z");

    final MockWebServer server = new MockWebServer();
    final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    final List<RequestMetrics> attempts = new CopyOnWriteArrayList<>();

    MockGateway() {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client of this gateway that never really sleeps, with short timeouts. */
    BackroomClient.Builder client() {
        return BackroomClient.builder()
                .baseUrl(server.url("/").toString())
                .sleeper(sleeps::add)
                .metricsListener(attempts::add)
                .timeout(Duration.ofSeconds(5));
    }

    MockGateway enqueue(MockResponse response) {
        server.enqueue(response);
        return this;
    }

    MockGateway enqueue(MockResponse.Builder response) {
        return enqueue(response.build());
    }

    RecordedRequest take() {
        try {
            RecordedRequest request = server.takeRequest(2, TimeUnit.SECONDS);
            if (request == null) {
                throw new AssertionError("the gateway received no (further) request");
            }
            return request;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static MockResponse.Builder json(int code, Object body) {
        try {
            return new MockResponse.Builder().code(code)
                    .addHeader("Content-Type", "application/json")
                    .addHeader(ApiVersion.HEADER, ApiVersion.CURRENT)
                    .addHeader(ApiVersion.REQUEST_ID_HEADER, "req-" + code)
                    .body(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    static MockResponse.Builder ok(Object body) {
        return json(200, body);
    }

    static MockResponse.Builder problem(int status, String slug, String detail) {
        return new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/problem+json")
                .addHeader(ApiVersion.HEADER, ApiVersion.CURRENT)
                .addHeader(ApiVersion.REQUEST_ID_HEADER, "req-" + status)
                .body("{\"type\":\"" + ProblemTypes.uri(slug) + "\",\"title\":\"T" + status + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"instance\":\"/api/v1/x\",\"requestId\":\"req-" + status + "\"}");
    }

    static Health health() {
        return new Health("UP", "9.9.9", ApiVersion.CURRENT, "sandbox", NOW);
    }

    static InvoiceSummary summary(String id) {
        return new InvoiceSummary(id, InvoiceKind.INVOICE, "N-" + id, "SUP-1", "Acme", "S-1", "PO-1",
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 12, 1), null, Money.of("1234.50", "EUR"),
                InvoiceStatus.ON_HOLD, List.of(), null, 3, NOW);
    }

    @Override
    public void close() {
        server.close();
    }
}
