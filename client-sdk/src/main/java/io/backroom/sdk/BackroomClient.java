package io.backroom.sdk;

import io.backroom.api.ApiVersion;
import io.backroom.api.model.Health;
import io.backroom.sdk.internal.HealthCalls;
import io.backroom.sdk.internal.Services;
import io.backroom.sdk.internal.Transport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Client of the Backroom Ops API. Thread-safe and free of global state: create one per gateway and
 * user, share it between threads, and close it when done. Every resource has its service
 * ({@code client.invoices()}, ...) with blocking calls and {@code ...Async} variants.
 *
 * <pre>{@code
 * try (BackroomClient client = BackroomClient.builder()
 *         .baseUrl("http://127.0.0.1:8080")
 *         .credentials(Credentials.password("ap.clerk", () -> vault.password("ap.clerk")))
 *         .build()) {
 *     Health health = client.health();
 * }
 * }</pre>
 *
 * <p>Failures surface as {@link BackroomException}s: a {@link BackroomServiceException} subclass for
 * an error answer, {@link BackroomIoException} when no answer arrived,
 * {@link BackroomInvalidResponseException} when the answer could not be read.
 */
public final class BackroomClient implements AutoCloseable {
    private final ClientOptions options;
    private final Transport transport;
    private final HealthCalls health;
    private final InvoicesService invoices;
    private final PurchaseOrdersService purchaseOrders;
    private final GoodsReceiptsService goodsReceipts;
    private final SuppliersService suppliers;
    private final StoresService stores;
    private final ItemsService items;
    private final UsersService users;
    private final PoliciesService policies;
    private final AuditService audit;
    private final EventsService events;
    private final MetricsService metrics;
    private final AuthService auth;

    private BackroomClient(ClientOptions options, Transport parent) {
        this.options = options;
        this.transport = new Transport(options, parent);
        this.health = new HealthCalls(transport);
        Services services = new Services(transport);
        this.invoices = services.invoices();
        this.purchaseOrders = services.purchaseOrders();
        this.goodsReceipts = services.goodsReceipts();
        this.suppliers = services.suppliers();
        this.stores = services.stores();
        this.items = services.items();
        this.users = services.users();
        this.policies = services.policies();
        this.audit = services.audit();
        this.events = services.events();
        this.metrics = services.metrics();
        this.auth = services.auth();
    }

    /** A builder with the defaults: 5 s to connect, 30 s between reads, 60 s per attempt, 2 retries. */
    public static Builder builder() {
        return new Builder();
    }

    /** This client's settings. */
    public ClientOptions options() {
        return options;
    }

    /** The gateway this client talks to. */
    public URI baseUrl() {
        return options.baseUrl();
    }

    /** {@code GET /api/v1/health}: whether the gateway is up, and which version it runs. Needs no credentials. */
    public Health health() {
        return health(RequestOptions.NONE);
    }

    /** {@link #health()} with per-call options. */
    public Health health(RequestOptions requestOptions) {
        return health.health(requestOptions);
    }

    /** {@link #health()}, run on the client's async executor. */
    public CompletableFuture<Health> healthAsync() {
        return transport.async(this::health);
    }

    /** Supplier invoices and credit notes. */
    public InvoicesService invoices() {
        return invoices;
    }

    /** Purchase orders. */
    public PurchaseOrdersService purchaseOrders() {
        return purchaseOrders;
    }

    /** Goods receipts. */
    public GoodsReceiptsService goodsReceipts() {
        return goodsReceipts;
    }

    /** Suppliers. */
    public SuppliersService suppliers() {
        return suppliers;
    }

    /** Stores. */
    public StoresService stores() {
        return stores;
    }

    /** Items. */
    public ItemsService items() {
        return items;
    }

    /** Users. */
    public UsersService users() {
        return users;
    }

    /** Tolerance policy. */
    public PoliciesService policies() {
        return policies;
    }

    /** Audit trail. */
    public AuditService audit() {
        return audit;
    }

    /** Change feed. */
    public EventsService events() {
        return events;
    }

    /** Process metrics. */
    public MetricsService metrics() {
        return metrics;
    }

    /** The signed-in user and sign-out. */
    public AuthService auth() {
        return auth;
    }

    /** {@code GET /api/v1/me}: shorthand for {@code auth().me()}. */
    public io.backroom.api.model.Me me() {
        return auth.me();
    }

    /**
     * A client with some options changed that shares this client's connections, threads and (for the
     * same credentials and gateway) its sign-in, for example
     * {@code client.withOptions(o -> o.maxRetries(0).timeout(Duration.ofSeconds(2)))}. Cheap to make;
     * closing it releases nothing shared, and it stops working once this client is closed.
     */
    public BackroomClient withOptions(java.util.function.Consumer<Builder> change) {
        Builder builder = options.toBuilder();
        change.accept(builder);
        if (builder.baseUrl == null) {
            throw new IllegalStateException("baseUrl is required");
        }
        return new BackroomClient(new ClientOptions(builder), transport);
    }

    /**
     * Runs any call of this client on its async executor, for example
     * {@code client.async(c -> c.suppliers().get("SUP-1"))}. The future fails with the call's
     * {@link BackroomException} (wrapped in a {@link java.util.concurrent.CompletionException}).
     */
    public <T> CompletableFuture<T> async(Function<BackroomClient, T> call) {
        Objects.requireNonNull(call, "call");
        return transport.async(() -> call.apply(this));
    }

    /** Releases connections and the client's own threads. Calls in flight may fail. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "BackroomClient[" + options + "]";
    }

    /** Builder of a {@link BackroomClient}; {@link #baseUrl(String)} is required. */
    public static final class Builder {
        private static final Pattern VERSION = Pattern.compile("\\d+\\.\\d+");

        URI baseUrl;
        Credentials credentials;
        Duration connectTimeout = Duration.ofSeconds(5);
        Duration readTimeout = Duration.ofSeconds(30);
        Duration timeout = Duration.ofSeconds(60);
        int maxRetries = 2;
        Duration initialRetryDelay = Duration.ofMillis(500);
        Duration maxRetryDelay = Duration.ofSeconds(8);
        String apiVersion = ApiVersion.CURRENT;
        RequestMetricsListener metricsListener = RequestMetricsListener.NONE;
        Sleeper sleeper = Sleeper.SYSTEM;
        Clock clock = Clock.systemUTC();
        Executor asyncExecutor;

        Builder() {
        }

        /** The gateway's base URL, for example {@code http://127.0.0.1:8080}. Required. */
        public Builder baseUrl(String url) {
            return baseUrl(URI.create(Objects.requireNonNull(url, "url")));
        }

        /** The gateway's base URL; {@code http} or {@code https}. Required. */
        public Builder baseUrl(URI url) {
            String scheme = Objects.requireNonNull(url, "url").getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) {
                throw new IllegalArgumentException("The gateway URL must start with http:// or https://, got: " + url);
            }
            this.baseUrl = url;
            return this;
        }

        /** How to sign in; without credentials only {@link BackroomClient#health()} works. */
        public Builder credentials(Credentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Sign in as {@code username}; see {@link Credentials#password(String, Supplier)}. */
        public Builder credentials(String username, Supplier<char[]> password) {
            return credentials(Credentials.password(username, password));
        }

        /** Use a ready-made bearer token; see {@link Credentials#token(String)}. */
        public Builder token(String token) {
            return credentials(Credentials.token(token));
        }

        /** Time limit for opening a connection. Default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Options.positive(timeout, "connectTimeout");
            return this;
        }

        /** Time limit between two reads from the connection. Default 30 s. */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Options.positive(timeout, "readTimeout");
            return this;
        }

        /** Time limit of each attempt of a call, from connecting to the last byte. Default 60 s. */
        public Builder timeout(Duration timeout) {
            this.timeout = Options.positive(timeout, "timeout");
            return this;
        }

        /** Retries after a call's first attempt; {@code 0} disables retrying. Default 2. */
        public Builder maxRetries(int maxRetries) {
            this.maxRetries = Options.notNegative(maxRetries, "maxRetries");
            return this;
        }

        /** Wait before the first retry (doubled for each further one) and the longest wait. Default 0.5 s and 8 s. */
        public Builder retryDelays(Duration initial, Duration max) {
            Options.positive(initial, "initial retry delay");
            Options.positive(max, "max retry delay");
            if (max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("the max retry delay " + max + " is shorter than the initial one " + initial);
            }
            this.initialRetryDelay = initial;
            this.maxRetryDelay = max;
            return this;
        }

        /**
         * Pins the API version sent with every call, {@code major.minor}. The major must be the one
         * this SDK speaks ({@value ApiVersion#CURRENT}'s); a gateway answering with another major
         * fails the call with {@link IncompatibleApiVersionException}.
         */
        public Builder apiVersion(String version) {
            Objects.requireNonNull(version, "version");
            if (!VERSION.matcher(version).matches()) {
                throw new IllegalArgumentException("An API version is 'major.minor', got '" + version + "'");
            }
            if (ApiVersion.major(version) != ApiVersion.major(ApiVersion.CURRENT)) {
                throw new IllegalArgumentException("This SDK speaks Ops API " + ApiVersion.major(ApiVersion.CURRENT)
                        + ".x and cannot be pinned to " + version);
            }
            this.apiVersion = version;
            return this;
        }

        /** Told about every attempt of every call. */
        public Builder metricsListener(RequestMetricsListener listener) {
            this.metricsListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Waits between retries; replace it in tests. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The clock used for {@code Retry-After} dates and token expiry. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where {@code ...Async} calls run. Default: a pool of daemon threads owned by the client. */
        public Builder asyncExecutor(Executor executor) {
            this.asyncExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** The client. */
        public BackroomClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is required");
            }
            return new BackroomClient(new ClientOptions(this), null);
        }
    }
}
