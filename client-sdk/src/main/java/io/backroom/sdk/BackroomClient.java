package io.backroom.sdk;

import io.backroom.api.model.Health;
import io.backroom.sdk.internal.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Client of the Backroom Ops API. Thread-safe; create one per gateway and close it when done.
 *
 * <pre>{@code
 * try (BackroomClient client = BackroomClient.builder().baseUrl("http://127.0.0.1:8080").build()) {
 *     Health health = client.health();
 * }
 * }</pre>
 */
public final class BackroomClient implements AutoCloseable {
    private final URI baseUrl;
    private final Transport transport;

    private BackroomClient(Builder builder) {
        this.baseUrl = builder.baseUrl;
        this.transport = new Transport(builder.baseUrl.toString(), builder.connectTimeout, builder.readTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The gateway this client talks to. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** {@code GET /api/v1/health}: whether the gateway is up, and which version it runs. */
    public Health health() {
        return transport.execute(transport.api().health());
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Options of a {@link BackroomClient}. */
    public static final class Builder {
        private URI baseUrl;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);

        private Builder() {
        }

        /** The gateway's base URL, for example {@code http://127.0.0.1:8080}. Required. */
        public Builder baseUrl(String url) {
            return baseUrl(URI.create(Objects.requireNonNull(url, "url")));
        }

        public Builder baseUrl(URI url) {
            String scheme = Objects.requireNonNull(url, "url").getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("The gateway URL must start with http:// or https://, got: " + url);
            }
            this.baseUrl = url;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public BackroomClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            return new BackroomClient(this);
        }
    }
}
