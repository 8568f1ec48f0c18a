package io.backroom.sdk.internal;

import io.backroom.api.model.Health;
import io.backroom.sdk.RequestOptions;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.http.GET;

/** {@code GET /api/v1/health}. */
public final class HealthCalls {
    interface Routes {
        @GET("api/v1/health")
        Call<ResponseBody> health();
    }

    private final Transport transport;
    private final Routes routes;

    /** Health calls over {@code transport}. */
    public HealthCalls(Transport transport) {
        this.transport = transport;
        this.routes = transport.create(Routes.class);
    }

    /** Whether the gateway is up, and which version it runs. */
    public Health health(RequestOptions options) {
        return transport.execute(routes.health(), Health.class, options);
    }
}
