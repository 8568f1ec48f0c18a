package io.backroom.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiJson;
import io.backroom.api.ApiVersion;
import io.backroom.sdk.BackroomException;
import io.backroom.sdk.BackroomIoException;
import io.backroom.sdk.BackroomServiceException;
import java.io.IOException;
import java.time.Duration;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/** Owns the OkHttp client and the Retrofit service, and turns responses into results or typed errors. */
public final class Transport implements AutoCloseable {
    private final OkHttpClient http;
    private final OpsApi api;
    private final ObjectMapper mapper;

    public Transport(String baseUrl, Duration connectTimeout, Duration readTimeout) {
        this.mapper = ApiJson.newMapper();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .readTimeout(readTimeout)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header(ApiVersion.HEADER, ApiVersion.CURRENT)
                        .build()))
                .build();
        String normalised = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.api = new Retrofit.Builder()
                .baseUrl(normalised)
                .client(http)
                .addConverterFactory(JacksonConverterFactory.create(mapper))
                .build()
                .create(OpsApi.class);
    }

    public OpsApi api() {
        return api;
    }

    /** Executes a call and returns its body, or throws a typed error. */
    public <T> T execute(Call<T> call) {
        Response<T> response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw new BackroomIoException("Could not reach the gateway at " + call.request().url()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new BackroomException("The gateway sent a response that could not be read: " + e.getMessage(), e);
        }
        if (response.isSuccessful()) {
            T body = response.body();
            if (body == null) {
                throw new BackroomException("The gateway sent an empty response to " + call.request().url());
            }
            return body;
        }
        throw problem(response);
    }

    private BackroomServiceException problem(Response<?> response) {
        String requestId = response.headers().get(ApiVersion.REQUEST_ID_HEADER);
        String type = null;
        String title = response.message();
        String detail = null;
        try (ResponseBody errorBody = response.errorBody()) {
            if (errorBody != null) {
                JsonNode node = mapper.readTree(errorBody.string());
                if (node != null && node.isObject()) {
                    type = node.path("type").asText(null);
                    title = node.path("title").asText(title);
                    detail = node.path("detail").asText(null);
                }
            }
        } catch (IOException | RuntimeException e) {
            detail = "unreadable error body";
        }
        return new BackroomServiceException(response.code(), type, title, detail, requestId);
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
