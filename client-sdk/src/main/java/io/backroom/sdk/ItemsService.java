package io.backroom.sdk;

import io.backroom.api.model.Item;

/**
 * Items of the catalogue (master data, read-only): {@code GET /api/v1/items} (pages by id) and {@code
 * GET /api/v1/items/{id}}. Get it from {@link BackroomClient#items()}. Its calls are those of {@link
 * ReadableResource}.
 */
public interface ItemsService extends ReadableResource<Item, ItemListParams> {
}
