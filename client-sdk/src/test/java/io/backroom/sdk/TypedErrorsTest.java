package io.backroom.sdk;

import static io.backroom.sdk.MockGateway.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.ApiVersion;
import io.backroom.api.ProblemTypes;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionType;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TypedErrorsTest {
    private final MockGateway gateway = new MockGateway();
    private final BackroomClient client = gateway.client().maxRetries(0).build();

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
    }

    @ParameterizedTest
    @CsvSource({
        "400, validation, io.backroom.sdk.BadRequestException",
        "422, idempotency-key-reused, io.backroom.sdk.BadRequestException",
        "401, unauthorized, io.backroom.sdk.UnauthorizedException",
        "403, forbidden, io.backroom.sdk.ForbiddenException",
        "404, not-found, io.backroom.sdk.NotFoundException",
        "409, invalid-transition, io.backroom.sdk.ConflictException",
        "412, precondition-failed, io.backroom.sdk.PreconditionFailedException",
        "428, precondition-required, io.backroom.sdk.BackroomServiceException",
        "429, rate-limited, io.backroom.sdk.RateLimitedException",
        "500, internal, io.backroom.sdk.ServerErrorException",
        "502, internal, io.backroom.sdk.ServerErrorException"})
    void mapsEachStatusFamilyToItsException(int status, String slug, Class<?> expected) {
        gateway.enqueue(problem(status, slug, "what went wrong"));
        assertThatThrownBy(() -> client.invoices().get("INV-1")).isExactlyInstanceOf(expected)
                .isInstanceOfSatisfying(BackroomServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(status);
                    assertThat(e.type()).isEqualTo(ProblemTypes.uri(slug));
                    assertThat(e.title()).isEqualTo("T" + status);
                    assertThat(e.detail()).isEqualTo("what went wrong");
                    assertThat(e.problem().instance()).isEqualTo("/api/v1/x");
                    assertThat(e.requestId()).isEqualTo("req-" + status);
                    assertThat(e.header("content-type")).contains("application/problem+json");
                    assertThat(e).hasMessage(status + " T" + status + ": what went wrong (request req-" + status + ")");
                });
    }

    @Test
    void carriesTheCurrentVersionOfA412FromTheETag() {
        gateway.enqueue(problem(412, "precondition-failed", "version 4 is stale").addHeader("ETag", "\"7\""));
        DecisionRequest release = new DecisionRequest(DecisionType.RELEASE, null, null, null);
        assertThatThrownBy(() -> client.invoices().decide("INV-1", 4, release))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> assertThat(e.currentVersion()).contains("7"));
    }

    @Test
    void prefersTheProblemsCurrentVersionMember() {
        gateway.enqueue(new MockResponse.Builder().code(409).addHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"https://backroom.io/problems/conflict\",\"title\":\"Conflict\",\"status\":409,"
                        + "\"currentVersion\":12,\"errors\":[{\"field\":\"x\",\"message\":\"y\"}]}"));
        assertThatThrownBy(() -> client.invoices().get("INV-1")).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.currentVersion()).contains("12");
            assertThat(e.problem().extensions()).containsKey("errors");
        });
    }

    @Test
    void keepsTheStatusWhenTheErrorBodyIsNotAProblem() {
        gateway.enqueue(new MockResponse.Builder().code(404).addHeader(ApiVersion.REQUEST_ID_HEADER, "r-1")
                .addHeader("Content-Type", "text/html").body("<html>nope</html>"));
        assertThatThrownBy(() -> client.stores().get("S-1")).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.type()).isEqualTo(ProblemDetails.BLANK_TYPE);
            assertThat(e.detail()).isNull();
            assertThat(e.requestId()).isEqualTo("r-1");
        });
    }

    @Test
    void reportsAnErrorBodyCutOffMidwayAsABrokenConnection() {
        gateway.enqueue(problem(400, "validation", "bad").onResponseBody(mockwebserver3.SocketEffect.ShutdownConnection.INSTANCE));
        assertThatThrownBy(() -> client.stores().get("S-1")).isInstanceOf(BackroomIoException.class)
                .hasMessageContaining("The connection broke during GET").hasMessageContaining("/api/v1/stores/S-1");
    }
}
