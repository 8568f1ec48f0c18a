package io.backroom.sdk.internal;

import io.backroom.api.model.Health;
import retrofit2.Call;
import retrofit2.http.GET;

/** Retrofit declaration of the Ops API routes. Internal: callers use {@code BackroomClient}. */
public interface OpsApi {
    @GET("api/v1/health")
    Call<Health> health();
}
