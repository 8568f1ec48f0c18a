package io.backroom.sdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.RequestOptions;
import io.backroom.sdk.ServerErrorException;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;
import retrofit2.Call;
import retrofit2.http.POST;

/** A POST without an idempotency key could act twice: it is never retried. */
class UnkeyedPostTest {
    interface Routes {
        @POST("api/v1/things")
        Call<ResponseBody> create();
    }

    @Test
    void neverRetriesAPostWithoutAnIdempotencyKey() throws Exception {
        List<Duration> sleeps = new ArrayList<>();
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().code(503).build());
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            BackroomClient client = BackroomClient.builder().baseUrl(server.url("/").toString()).sleeper(sleeps::add).build();
            try (Transport transport = new Transport(client.options())) {
                Routes routes = transport.create(Routes.class);
                assertThatThrownBy(() -> transport.execute(routes.create(), Object.class, RequestOptions.NONE))
                        .isInstanceOf(ServerErrorException.class);
            } finally {
                client.close();
            }
            assertThat(server.getRequestCount()).isEqualTo(1);
            assertThat(sleeps).isEmpty();
        }
    }
}
