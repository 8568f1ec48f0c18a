package io.backroom.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A collection of the Ops API that lists in pages: {@code GET /api/v1/<resource>} with the
 * filters of {@code P}. Every resource service of the client extends the generic shapes
 * ({@link ListableResource}, {@link ReadableResource}, {@link CreatableResource}) that fit it, so
 * each call has the same overloads everywhere: with {@link RequestOptions}, without, and
 * {@code ...Async}.
 *
 * @param <T> the items listed
 * @param <P> the list filters
 */
public interface ListableResource<T, P extends ListParams> {
    /** The first page of items matching {@code params}; walk on with {@link Page#autoPager()}. */
    Page<T> list(P params, RequestOptions options);

    /** {@link #list(ListParams, RequestOptions)} with the client's options. */
    default Page<T> list(P params) {
        return list(params, RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #list(ListParams)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Page<T>> listAsync(P params) {
        return CompletableFuture.supplyAsync(() -> list(params), asyncExecutor());
    }
}
