package io.backroom.sdk;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The immutable settings of a {@link BackroomClient}. Get them from {@link BackroomClient#options()};
 * derive changed settings with {@link #toBuilder()}. {@link #toString()} never shows a secret.
 */
public final class ClientOptions {
    private final URI baseUrl;
    private final Credentials credentials;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration timeout;
    private final int maxRetries;
    private final Duration initialRetryDelay;
    private final Duration maxRetryDelay;
    private final String apiVersion;
    private final RequestMetricsListener metricsListener;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Executor asyncExecutor;

    ClientOptions(BackroomClient.Builder b) {
        this.baseUrl = b.baseUrl;
        this.credentials = b.credentials;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.timeout = b.timeout;
        this.maxRetries = b.maxRetries;
        this.initialRetryDelay = b.initialRetryDelay;
        this.maxRetryDelay = b.maxRetryDelay;
        this.apiVersion = b.apiVersion;
        this.metricsListener = b.metricsListener;
        this.sleeper = b.sleeper;
        this.clock = b.clock;
        this.asyncExecutor = b.asyncExecutor;
    }

    /** A builder holding these settings, to build a client that differs in some of them. */
    public BackroomClient.Builder toBuilder() {
        BackroomClient.Builder b = BackroomClient.builder();
        b.baseUrl = baseUrl;
        b.credentials = credentials;
        b.connectTimeout = connectTimeout;
        b.readTimeout = readTimeout;
        b.timeout = timeout;
        b.maxRetries = maxRetries;
        b.initialRetryDelay = initialRetryDelay;
        b.maxRetryDelay = maxRetryDelay;
        b.apiVersion = apiVersion;
        b.metricsListener = metricsListener;
        b.sleeper = sleeper;
        b.clock = clock;
        b.asyncExecutor = asyncExecutor;
        return b;
    }

    /** The gateway's base URL. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** How the client signs in; empty for anonymous calls (only {@code health} allows them). */
    public Optional<Credentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** Time limit for opening a connection. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time limit between two reads from the connection. */
    public Duration readTimeout() {
        return readTimeout;
    }

    /** Time limit of each attempt of a call, from connecting to reading its last byte. */
    public Duration timeout() {
        return timeout;
    }

    /** How many times a failed call is retried after its first attempt. */
    public int maxRetries() {
        return maxRetries;
    }

    /** The wait before the first retry; it doubles with every further retry. */
    public Duration initialRetryDelay() {
        return initialRetryDelay;
    }

    /** The longest computed wait between retries. */
    public Duration maxRetryDelay() {
        return maxRetryDelay;
    }

    /** The API version the client sends, {@code major.minor}. */
    public String apiVersion() {
        return apiVersion;
    }

    /** Told about every attempt of every call. */
    public RequestMetricsListener metricsListener() {
        return metricsListener;
    }

    /** Waits between retries. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** The clock used to read {@code Retry-After} dates and token expiry. */
    public Clock clock() {
        return clock;
    }

    /** Where {@code ...Async} calls run; empty means a pool owned (and closed) by the client. */
    public Optional<Executor> asyncExecutor() {
        return Optional.ofNullable(asyncExecutor);
    }

    @Override
    public String toString() {
        return "ClientOptions[baseUrl=" + baseUrl + ", credentials=" + credentials + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", timeout=" + timeout + ", maxRetries=" + maxRetries
                + ", retryDelay=" + initialRetryDelay + ".." + maxRetryDelay + ", apiVersion=" + apiVersion + "]";
    }
}
