package io.backroom.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-call overrides of the client's options. Immutable; build with {@link #builder()}.
 *
 * <pre>{@code
 * client.invoices().approve(id, version, RequestOptions.builder()
 *         .idempotencyKey("approve-" + id).timeout(Duration.ofSeconds(5)).maxRetries(0).build());
 * }</pre>
 */
public final class RequestOptions {
    /** No overrides: the client's options apply. */
    public static final RequestOptions NONE = new Builder().build();

    private final String idempotencyKey;
    private final Duration timeout;
    private final Integer maxRetries;

    private RequestOptions(Builder builder) {
        this.idempotencyKey = builder.idempotencyKey;
        this.timeout = builder.timeout;
        this.maxRetries = builder.maxRetries;
    }

    /** A builder with no overrides. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.idempotencyKey = idempotencyKey;
        builder.timeout = timeout;
        builder.maxRetries = maxRetries;
        return builder;
    }

    /** The idempotency key to send with a POST instead of a generated one. */
    public Optional<String> idempotencyKey() {
        return Optional.ofNullable(idempotencyKey);
    }

    /** The time limit of each attempt of the call, from connecting to reading the last byte. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** How many times the call may be retried after its first attempt. */
    public OptionalInt maxRetries() {
        return maxRetries == null ? OptionalInt.empty() : OptionalInt.of(maxRetries);
    }

    @Override
    public String toString() {
        return "RequestOptions[idempotencyKey=" + idempotencyKey + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
    }

    /** Builder of {@link RequestOptions}. */
    public static final class Builder {
        private static final java.util.regex.Pattern VISIBLE_ASCII = java.util.regex.Pattern.compile("[\\x21-\\x7E]{1,200}");
        private String idempotencyKey;
        private Duration timeout;
        private Integer maxRetries;

        private Builder() {
        }

        /**
         * The key the gateway uses to recognise a repeated POST; the same key is sent on every retry.
         * Supply your own to make a call safe to repeat across process restarts.
         */
        public Builder idempotencyKey(String key) {
            if (!VISIBLE_ASCII.matcher(Objects.requireNonNull(key, "key")).matches()) {
                throw new IllegalArgumentException("an idempotency key is 1 to 200 visible ASCII characters, got '" + key + "'");
            }
            this.idempotencyKey = key;
            return this;
        }

        /** Time limit of each attempt. Must be positive. */
        public Builder timeout(Duration timeout) {
            this.timeout = Options.positive(timeout, "timeout");
            return this;
        }

        /** Retries after the first attempt; {@code 0} disables retrying. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = Options.notNegative(maxRetries, "maxRetries");
            return this;
        }

        /** The options. */
        public RequestOptions build() {
            return new RequestOptions(this);
        }
    }
}
