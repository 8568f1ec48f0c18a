package io.backroom.sdk.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiVersion;
import io.backroom.api.model.Token;
import io.backroom.sdk.BackroomInvalidResponseException;
import io.backroom.sdk.Credentials;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Holds the bearer token of a client: the configured one, or one obtained with the user name and
 * password from {@code POST /api/v1/auth/token}, renewed before it expires and when the gateway
 * rejects it. The password is read from its supplier only to build the token request; both the
 * supplier's array and the request bytes are zeroed afterwards.
 */
final class TokenSource {
    /** Path of the token route, relative to the base URL. */
    static final String TOKEN_PATH = "api/v1/auth/token";
    private static final MediaType JSON = MediaType.get("application/json");
    private static final Duration EXPIRY_MARGIN = Duration.ofSeconds(30);

    private final Credentials credentials;
    private final OkHttpClient http;
    private final HttpUrl tokenUrl;
    private final ObjectMapper mapper;
    private final ErrorMapper errors;
    private final Clock clock;
    private String token;
    private Instant expiresAt;

    TokenSource(Credentials credentials, OkHttpClient http, HttpUrl baseUrl, ObjectMapper mapper, ErrorMapper errors, Clock clock) {
        this.credentials = credentials;
        this.http = http;
        this.tokenUrl = Objects.requireNonNull(baseUrl.resolve(TOKEN_PATH), "token URL");
        this.mapper = mapper;
        this.errors = errors;
        this.clock = clock;
        if (credentials instanceof Credentials.Token given) {
            this.token = given.token();
        }
    }

    /** Whether a rejected token can be replaced by a fresh one. */
    boolean canRefresh() {
        return credentials instanceof Credentials.Password;
    }

    /** The token to send, obtaining one first if there is none or it is about to expire. */
    synchronized String current() throws IOException {
        if (token == null || (expiresAt != null && !clock.instant().isBefore(expiresAt.minus(EXPIRY_MARGIN)))) {
            obtain();
        }
        return token;
    }

    /** A fresh token after {@code rejected} was refused; another thread may already have replaced it. */
    synchronized String refresh(String rejected) throws IOException {
        if (!Objects.equals(rejected, token)) {
            return current();
        }
        token = null;
        return current();
    }

    private void obtain() throws IOException {
        Credentials.Password password = (Credentials.Password) credentials;
        byte[] body = tokenRequest(password);
        try (Response response = http.newCall(new Request.Builder().url(tokenUrl)
                .post(RequestBody.create(body, JSON)).build()).execute()) {
            if (!response.isSuccessful()) {
                throw new AuthFailure(errors.toException(response, response.body()));
            }
            read(response);
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    private byte[] tokenRequest(Credentials.Password password) throws IOException {
        char[] secret = password.password();
        WipeableBuffer out = new WipeableBuffer(64 + secret.length * 3);
        try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringField("username", password.username());
            json.writeFieldName("password");
            json.writeString(secret, 0, secret.length);
            json.writeEndObject();
        } finally {
            Arrays.fill(secret, '\0');
        }
        byte[] bytes = out.toByteArray();
        out.wipe();
        return bytes;
    }

    /** A byte buffer whose internal array can be zeroed. */
    private static final class WipeableBuffer extends ByteArrayOutputStream {
        WipeableBuffer(int size) {
            super(size);
        }

        synchronized void wipe() {
            Arrays.fill(buf, (byte) 0);
            reset();
        }
    }

    private void read(Response response) throws IOException {
        String requestId = response.header(ApiVersion.REQUEST_ID_HEADER);
        Token issued;
        try {
            issued = mapper.readValue(response.body().bytes(), Token.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AuthFailure(new BackroomInvalidResponseException(
                    "The gateway's token answer is not a valid Token: " + e.getOriginalMessage(), response.code(), requestId, e));
        }
        if (issued.accessToken() == null || issued.accessToken().isBlank()) {
            throw new AuthFailure(new BackroomInvalidResponseException(
                    "The gateway's token answer has no accessToken", response.code(), requestId, null));
        }
        token = issued.accessToken();
        expiresAt = issued.expiresAt();
    }
}
