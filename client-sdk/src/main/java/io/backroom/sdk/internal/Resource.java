package io.backroom.sdk.internal;

import io.backroom.sdk.ListParams;
import io.backroom.sdk.Page;
import io.backroom.sdk.RequestOptions;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Function;
import okhttp3.ResponseBody;
import retrofit2.Call;

/**
 * The one implementation of the generic resource shapes ({@link io.backroom.sdk.ListableResource},
 * {@link io.backroom.sdk.ReadableResource}, {@link io.backroom.sdk.CreatableResource}) over a
 * resource's routes. A resource service is a subclass that names its routes and implements its
 * public interface; only calls beyond get, list and create are written by hand.
 *
 * @param <T> the item read and created
 * @param <S> the item listed (the same as {@code T}, or a summary of it)
 * @param <P> the list filters
 * @param <N> what creates an item ({@link Void} when the resource is read-only)
 */
abstract class Resource<T, S, P extends ListParams, N> {
    /** A resource's routes: set only those it has. */
    static final class Routes<T, S, N> {
        private final Class<T> type;
        private final Class<S> listedType;
        private final String noun;
        private Function<String, Call<ResponseBody>> get;
        private Function<Map<String, String>, Call<ResponseBody>> list;
        private BiFunction<N, String, Call<ResponseBody>> create;
        private String cursorParameter = "cursor";
        private boolean feed;

        private Routes(Class<T> type, Class<S> listedType, String noun) {
            this.type = type;
            this.listedType = listedType;
            this.noun = noun;
        }

        /** Routes of a resource that reads and lists {@code type}; {@code noun} names it in errors. */
        static <T, N> Routes<T, T, N> of(Class<T> type, String noun) {
            return new Routes<>(type, type, noun);
        }

        /** Routes of a resource that reads {@code type} and lists {@code listedType}. */
        static <T, S, N> Routes<T, S, N> of(Class<T> type, Class<S> listedType, String noun) {
            return new Routes<>(type, listedType, noun);
        }

        /** {@code GET .../{id}}. */
        Routes<T, S, N> get(Function<String, Call<ResponseBody>> route) {
            this.get = route;
            return this;
        }

        /** {@code GET ...} with the list's query. */
        Routes<T, S, N> list(Function<Map<String, String>, Call<ResponseBody>> route) {
            this.list = route;
            return this;
        }

        /** {@code POST ...} with the body and an idempotency key. */
        Routes<T, S, N> create(BiFunction<N, String, Call<ResponseBody>> route) {
            this.create = route;
            return this;
        }

        /** A change feed: the cursor travels as {@code after}, and the auto-pager stops at the first empty page. */
        Routes<T, S, N> feed() {
            this.cursorParameter = "after";
            this.feed = true;
            return this;
        }
    }

    final Transport transport;
    private final Routes<T, S, N> routes;

    Resource(Transport transport, Routes<T, S, N> routes) {
        this.transport = transport;
        this.routes = routes;
    }

    public Executor asyncExecutor() {
        return transport.executor();
    }

    public T get(String id, RequestOptions options) {
        return transport.execute(required(routes.get, "get").apply(Services.id(id)), routes.type, options);
    }

    public Page<S> list(P params, RequestOptions options) {
        return transport.page(required(routes.list, "list"), Objects.requireNonNull(params, "params").query(),
                routes.cursorParameter, routes.listedType, options, routes.feed);
    }

    public T create(N value, RequestOptions options) {
        return transport.execute(required(routes.create, "create").apply(Objects.requireNonNull(value, routes.noun),
                Transport.idempotencyKey(options)), routes.type, options);
    }

    private <R> R required(R route, String what) {
        if (route == null) {
            throw new UnsupportedOperationException("The " + routes.noun + " resource has no " + what + " route");
        }
        return route;
    }
}
