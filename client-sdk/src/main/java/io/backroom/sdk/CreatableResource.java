package io.backroom.sdk;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A collection the ERP sends new items into: {@code POST /api/v1/<resource>} with an
 * {@code Idempotency-Key} (generated once per call unless {@link RequestOptions} names one, and reused
 * across its retries, so a retried create never makes two).
 *
 * @param <T> the item created
 * @param <N> what is sent to create one
 */
public interface CreatableResource<T, N> {
    /** Creates one item from {@code value}. */
    T create(N value, RequestOptions options);

    /** {@link #create(Object, RequestOptions)} with the client's options. */
    default T create(N value) {
        return create(value, RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #create(Object)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<T> createAsync(N value) {
        return CompletableFuture.supplyAsync(() -> create(value), asyncExecutor());
    }
}
