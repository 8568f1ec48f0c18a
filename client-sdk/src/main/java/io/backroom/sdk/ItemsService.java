package io.backroom.sdk;

import io.backroom.api.model.Item;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Items of the catalogue (master data, read-only). Get it from {@link BackroomClient#items()}. */
public interface ItemsService {
    /** {@code GET /api/v1/items/{id}}. @throws NotFoundException if there is no such Item */
    Item get(String id, RequestOptions options);

    /** {@link #get(String, RequestOptions)} with the client's options. */
    default Item get(String id) {
        return get(id, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/items}: the first page, by id; walk on with {@link Page#autoPager()}. */
    Page<Item> list(ItemListParams params, RequestOptions options);

    /** {@link #list(ItemListParams, RequestOptions)} with the client's options. */
    default Page<Item> list(ItemListParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #get(String)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Item> getAsync(String id) {
        return CompletableFuture.supplyAsync(() -> get(id), asyncExecutor());
    }

    /** {@link #list(ItemListParams)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Page<Item>> listAsync(ItemListParams params) {
        return CompletableFuture.supplyAsync(() -> list(params), asyncExecutor());
    }
}
