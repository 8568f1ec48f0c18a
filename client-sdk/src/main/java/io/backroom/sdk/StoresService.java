package io.backroom.sdk;

import io.backroom.api.model.Store;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Stores of the retailer (master data, read-only). Get it from {@link BackroomClient#stores()}. */
public interface StoresService {
    /** {@code GET /api/v1/stores/{id}}. @throws NotFoundException if there is no such Store */
    Store get(String id, RequestOptions options);

    /** {@link #get(String, RequestOptions)} with the client's options. */
    default Store get(String id) {
        return get(id, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/stores}: the first page, by id; walk on with {@link Page#autoPager()}. */
    Page<Store> list(StoreListParams params, RequestOptions options);

    /** {@link #list(StoreListParams, RequestOptions)} with the client's options. */
    default Page<Store> list(StoreListParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #get(String)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Store> getAsync(String id) {
        return CompletableFuture.supplyAsync(() -> get(id), asyncExecutor());
    }

    /** {@link #list(StoreListParams)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Page<Store>> listAsync(StoreListParams params) {
        return CompletableFuture.supplyAsync(() -> list(params), asyncExecutor());
    }
}
