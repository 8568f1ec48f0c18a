package io.backroom.sdk;

import io.backroom.api.model.Supplier;

/**
 * Suppliers (master data, read-only): {@code GET /api/v1/suppliers} (pages by id) and {@code GET
 * /api/v1/suppliers/{id}}. Get it from {@link BackroomClient#suppliers()}. Its calls are those of
 * {@link ReadableResource}.
 */
public interface SuppliersService extends ReadableResource<Supplier, SupplierListParams> {
}
