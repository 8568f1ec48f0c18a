package io.backroom.sdk;

import java.util.concurrent.CompletableFuture;

/**
 * A collection whose items are also read one by one: {@code GET /api/v1/<resource>/{id}}.
 *
 * @param <T> the item
 * @param <P> the list filters
 */
public interface ReadableResource<T, P extends ListParams> extends ListableResource<T, P> {
    /** The item with this id. @throws NotFoundException if there is none */
    T get(String id, RequestOptions options);

    /** {@link #get(String, RequestOptions)} with the client's options. */
    default T get(String id) {
        return get(id, RequestOptions.NONE);
    }

    /** {@link #get(String)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<T> getAsync(String id) {
        return CompletableFuture.supplyAsync(() -> get(id), asyncExecutor());
    }
}
