package io.backroom.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiJson;
import io.backroom.api.ApiVersion;
import io.backroom.sdk.BackroomInvalidResponseException;
import io.backroom.sdk.BackroomIoException;
import io.backroom.sdk.ClientOptions;
import io.backroom.sdk.Download;
import io.backroom.sdk.IncompatibleApiVersionException;
import io.backroom.sdk.Page;
import io.backroom.sdk.RequestMetrics;
import io.backroom.sdk.RequestOptions;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import retrofit2.Call;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * The one place where HTTP happens: owns the OkHttp client and Retrofit, runs each call with its
 * retries, turns answers into values or typed errors, and reports every attempt to the metrics
 * listener. Thread-safe.
 */
public final class Transport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    private final ClientOptions options;
    private final ObjectMapper mapper;
    private final OkHttpClient plain;
    private final OkHttpClient http;
    private final TokenSource tokens;
    private final boolean ownsConnections;
    private final Retrofit retrofit;
    private final RetryPolicy retryPolicy;
    private final ErrorMapper errors;
    private final int apiMajor;
    private final ExecutorService ownedExecutor;
    private final Executor executor;

    /** A transport with the given options, owning its connections and threads. */
    public Transport(ClientOptions options) {
        this(options, null);
    }

    /**
     * A transport with the given options that shares {@code parent}'s connection pool, dispatcher and
     * (unless {@code options} name another) async executor, and its sign-in when the credentials and
     * gateway are the same. Closing it leaves the shared resources to {@code parent}.
     */
    public Transport(ClientOptions options, Transport parent) {
        this.options = options;
        this.mapper = ApiJson.newMapper();
        this.retryPolicy = new RetryPolicy(options.initialRetryDelay(), options.maxRetryDelay(), options.clock(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.errors = new ErrorMapper(mapper, retryPolicy);
        this.apiMajor = ApiVersion.major(options.apiVersion());
        this.ownsConnections = parent == null;
        String base = options.baseUrl().toString();
        HttpUrl baseUrl = HttpUrl.get(base.endsWith("/") ? base : base + "/");
        OkHttpClient.Builder shared = parent == null ? new OkHttpClient.Builder() : parent.plain.newBuilder();
        shared.interceptors().clear();
        OkHttpClient plain = shared
                .connectTimeout(options.connectTimeout())
                .readTimeout(options.readTimeout())
                .writeTimeout(options.readTimeout())
                .callTimeout(options.timeout())
                .retryOnConnectionFailure(false)
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header(ApiVersion.HEADER, options.apiVersion())
                        .header("User-Agent", "backroom-sdk-java")
                        .build()))
                .build();
        this.plain = plain;
        boolean sameSignIn = parent != null && parent.tokens != null && options.credentials().isPresent()
                && parent.options.credentials().get() == options.credentials().get()
                && parent.options.baseUrl().equals(options.baseUrl());
        this.tokens = sameSignIn ? parent.tokens : options.credentials()
                .map(credentials -> new TokenSource(credentials, plain, baseUrl, mapper, errors, options.clock())).orElse(null);
        OkHttpClient.Builder api = plain.newBuilder();
        if (tokens != null) {
            api.addInterceptor(new AuthInterceptor(tokens));
        }
        this.http = api.build();
        this.retrofit = new Retrofit.Builder()
                .baseUrl(baseUrl)
                .client(http)
                .addConverterFactory(JacksonConverterFactory.create(mapper))
                .build();
        if (options.asyncExecutor().isPresent()) {
            this.ownedExecutor = null;
            this.executor = options.asyncExecutor().get();
        } else if (parent != null) {
            this.ownedExecutor = null;
            this.executor = parent.executor;
        } else {
            this.ownedExecutor = Executors.newCachedThreadPool(daemonThreads());
            this.executor = ownedExecutor;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "backroom-sdk-async-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A Retrofit implementation of a route interface. */
    public <S> S create(Class<S> routes) {
        return retrofit.create(routes);
    }

    /** The wire-format mapper. */
    public ObjectMapper mapper() {
        return mapper;
    }

    /** The idempotency key of one logical call: the caller's, else a new random one. */
    public static String idempotencyKey(RequestOptions options) {
        return options.idempotencyKey().orElseGet(() -> UUID.randomUUID().toString());
    }

    /** Runs a call and reads its JSON body as {@code type}. */
    public <T> T execute(Call<ResponseBody> call, Type type, RequestOptions requestOptions) {
        return execute(call, mapper.getTypeFactory().constructType(type), requestOptions);
    }

    private <T> T execute(Call<ResponseBody> call, JavaType javaType, RequestOptions requestOptions) {
        Response<ResponseBody> response = send(call, requestOptions);
        okhttp3.Response raw = response.raw();
        try (ResponseBody body = response.body()) {
            if (body == null || body.contentLength() == 0) {
                throw new BackroomInvalidResponseException("The gateway sent an empty answer to " + describe(raw.request()),
                        raw.code(), raw.header(ApiVersion.REQUEST_ID_HEADER), null);
            }
            return mapper.readValue(body.byteStream(), javaType);
        } catch (JsonProcessingException e) {
            throw new BackroomInvalidResponseException("The gateway's answer to " + describe(raw.request())
                    + " is not a valid " + javaType.getRawClass().getSimpleName() + ": " + e.getOriginalMessage(),
                    raw.code(), raw.header(ApiVersion.REQUEST_ID_HEADER), e);
        } catch (IOException e) {
            throw new BackroomIoException("Could not read the answer to " + describe(raw.request()) + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a list call and wraps its answer in a {@link Page} that fetches the following pages with
     * the same query, the same options and the cursor in {@code cursorParam}.
     *
     * @param endsOnEmptyPage whether an empty page is the last one whatever its cursor (a change feed)
     */
    public <T> Page<T> page(Function<Map<String, String>, Call<ResponseBody>> route, Map<String, String> query,
                            String cursorParam, Class<T> itemType, RequestOptions requestOptions, boolean endsOnEmptyPage) {
        JavaType pageType = mapper.getTypeFactory().constructParametricType(io.backroom.api.model.Page.class, itemType);
        io.backroom.api.model.Page<T> wire = execute(route.apply(query), pageType, requestOptions);
        String next = endsOnEmptyPage && wire.items().isEmpty() ? null : wire.nextCursor();
        return new Page<>(wire.items(), next, cursor -> {
            Map<String, String> following = new LinkedHashMap<>(query);
            following.put(cursorParam, cursor);
            return page(route, following, cursorParam, itemType, requestOptions, endsOnEmptyPage);
        });
    }

    /** Runs a call and returns one header of its answer, or {@code null}. */
    public String executeForHeader(Call<ResponseBody> call, String header, RequestOptions requestOptions) {
        Response<ResponseBody> response = send(call, requestOptions);
        if (response.body() != null) {
            response.body().close();
        }
        return response.headers().get(header);
    }

    /** Runs a call whose answer has no body worth reading. */
    public void executeDiscarding(Call<ResponseBody> call, RequestOptions requestOptions) {
        ResponseBody body = send(call, requestOptions).body();
        if (body != null) {
            body.close();
        }
    }

    /** Runs a {@code @Streaming} call and hands its body over unread. */
    public Download download(Call<ResponseBody> call, RequestOptions requestOptions) {
        Response<ResponseBody> response = send(call, requestOptions);
        ResponseBody body = Objects.requireNonNull(response.body(), "body");
        okhttp3.Response raw = response.raw();
        return new Download(body.byteStream(), raw.header("Content-Type"), body.contentLength(),
                ContentDisposition.fileName(raw.header("Content-Disposition")));
    }

    /** The client's async executor. */
    public Executor executor() {
        return executor;
    }

    /** Runs a blocking call on the client's async executor. */
    public <T> CompletableFuture<T> async(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, executor);
    }

    private Response<ResponseBody> send(Call<ResponseBody> first, RequestOptions requestOptions) {
        int maxRetries = requestOptions.maxRetries().orElse(options.maxRetries());
        Duration timeout = requestOptions.timeout().orElse(options.timeout());
        Request request = first.request();
        boolean replayable = RetryPolicy.isReplayable(request);
        for (int attempt = 1; ; attempt++) {
            Call<ResponseBody> call = attempt == 1 ? first : first.clone();
            call.timeout().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
            boolean mayRetry = replayable && attempt <= maxRetries;
            long start = System.nanoTime();
            Response<ResponseBody> response;
            try {
                response = call.execute();
            } catch (AuthFailure e) {
                report(request, attempt, 0, start, null, e, false);
                throw e.error();
            } catch (IOException e) {
                report(request, attempt, 0, start, null, e, mayRetry);
                if (!mayRetry) {
                    throw ioError(request, attempt, e);
                }
                Duration delay = retryPolicy.delayBefore(attempt, null);
                LOG.debug("Attempt {} of {} failed ({}); retrying in {} ms", attempt, describe(request), e.toString(), delay.toMillis());
                pause(delay, request);
                continue;
            }
            okhttp3.Response raw = response.raw();
            checkApiVersion(response);
            boolean retry = !response.isSuccessful() && mayRetry && RetryPolicy.isRetryableStatus(raw.code());
            report(request, attempt, raw.code(), start, raw.header(ApiVersion.REQUEST_ID_HEADER), null, retry);
            if (response.isSuccessful()) {
                return response;
            }
            if (!retry) {
                throw errors.toException(raw, response.errorBody());
            }
            response.errorBody().close();
            Duration delay = retryPolicy.delayBefore(attempt, raw.header("Retry-After"));
            LOG.debug("Attempt {} of {} got {} (request {}); retrying in {} ms", attempt, describe(request), raw.code(),
                    raw.header(ApiVersion.REQUEST_ID_HEADER), delay.toMillis());
            pause(delay, request);
        }
    }

    private void checkApiVersion(Response<ResponseBody> response) {
        String served = response.headers().get(ApiVersion.HEADER);
        if (served == null) {
            return;
        }
        int servedMajor;
        try {
            servedMajor = ApiVersion.major(served);
        } catch (NumberFormatException e) {
            servedMajor = -1;
        }
        if (servedMajor != apiMajor) {
            closeBodies(response);
            throw new IncompatibleApiVersionException(options.apiVersion(), served);
        }
    }

    private static void closeBodies(Response<ResponseBody> response) {
        if (response.body() != null) {
            response.body().close();
        }
        if (response.errorBody() != null) {
            response.errorBody().close();
        }
    }

    private BackroomIoException ioError(Request request, int attempts, IOException e) {
        String what = e instanceof InterruptedIOException ? "Timed out calling "
                : e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException
                        || e instanceof java.net.NoRouteToHostException ? "Could not reach the gateway at "
                : "The connection broke during ";
        String tries = attempts > 1 ? " (after " + attempts + " attempts)" : "";
        return new BackroomIoException(what + describe(request) + tries + ": " + e.getMessage(), e);
    }

    private void pause(Duration delay, Request request) {
        try {
            options.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackroomIoException("Interrupted while waiting to retry " + describe(request), e);
        }
    }

    private void report(Request request, int attempt, int status, long startNanos, String requestId, IOException failure,
                        boolean willRetry) {
        RequestMetrics metrics = new RequestMetrics(request.method(), request.url().encodedPath(), attempt, status,
                Duration.ofNanos(System.nanoTime() - startNanos), requestId,
                failure == null ? null : failure.getClass().getSimpleName(), willRetry);
        try {
            options.metricsListener().onAttempt(metrics);
        } catch (RuntimeException e) {
            // boundary with caller code: a faulty listener must not break the call
            LOG.warn("The request-metrics listener failed on {}", metrics, e);
        }
    }

    private static String describe(Request request) {
        return request.method() + " " + request.url().newBuilder().username("").password("").query(null).fragment(null).build();
    }

    @Override
    public void close() {
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
        if (ownsConnections) {
            http.dispatcher().executorService().shutdown();
            http.connectionPool().evictAll();
        }
    }
}
