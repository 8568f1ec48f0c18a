package io.backroom.sdk;

import io.backroom.api.model.Store;

/**
 * Stores of the retailer (master data, read-only): {@code GET /api/v1/stores} (pages by id) and {@code
 * GET /api/v1/stores/{id}}. Get it from {@link BackroomClient#stores()}. Its calls are those of {@link
 * ReadableResource}.
 */
public interface StoresService extends ReadableResource<Store, StoreListParams> {
}
