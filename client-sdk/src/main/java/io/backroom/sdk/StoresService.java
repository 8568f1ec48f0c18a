package io.backroom.sdk;

import io.backroom.api.model.Store;

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
}
