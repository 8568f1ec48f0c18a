package io.backroom.gateway.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain java.net.http client of a gateway for tests: raw requests, JSON bodies, a bearer token. */
public final class Api {
    public static final ObjectMapper JSON = ApiJson.newMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String token;

    public Api(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** Signs in as {@code username} (password {@code pw-<username>}) and returns a client with its token. */
    public static Api login(String base, String username) {
        Response r = new Api(base, null).post("/api/v1/auth/token", "{\"username\":\"" + username
                + "\",\"password\":\"pw-" + username + "\"}");
        if (r.status() != 200) {
            throw new IllegalStateException("login " + username + " failed: " + r.status() + " " + r.body());
        }
        return new Api(base, r.json().path("accessToken").asText());
    }

    public String token() {
        return token;
    }

    /** A response: status, headers, body. */
    public record Response(int status, java.net.http.HttpHeaders headers, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }

        public <T> T as(Class<T> type) {
            try {
                return JSON.readValue(body, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot read " + type.getSimpleName() + " from " + body, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String problemType() {
            return json().path("type").asText().replace("https://backroom.io/problems/", "");
        }
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    /** GET returning the raw bytes (documents); status and headers as {@link #get}. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return HTTP.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response post(String path, Object body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Response put(String path, Object body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Response patch(String path, Object body, String... headers) {
        return send(builder(path, headers).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(text(body))));
    }

    public Response putBytes(String path, byte[] body, String contentType, String... headers) {
        return send(builder(path, headers).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static String text(Object body) {
        if (body instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder builder(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
