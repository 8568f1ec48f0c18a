package io.backroom.sdk;

import io.backroom.api.model.Supplier;

/** Suppliers (master data, read-only). Get it from {@link BackroomClient#suppliers()}. */
public interface SuppliersService {
    /** {@code GET /api/v1/suppliers/{id}}. @throws NotFoundException if there is no such Supplier */
    Supplier get(String id, RequestOptions options);

    /** {@link #get(String, RequestOptions)} with the client's options. */
    default Supplier get(String id) {
        return get(id, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/suppliers}: the first page, by id; walk on with {@link Page#autoPager()}. */
    Page<Supplier> list(SupplierListParams params, RequestOptions options);

    /** {@link #list(SupplierListParams, RequestOptions)} with the client's options. */
    default Page<Supplier> list(SupplierListParams params) {
        return list(params, RequestOptions.NONE);
    }
}
