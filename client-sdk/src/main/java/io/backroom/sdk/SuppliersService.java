package io.backroom.sdk;

import io.backroom.api.model.Supplier;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #get(String)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Supplier> getAsync(String id) {
        return CompletableFuture.supplyAsync(() -> get(id), asyncExecutor());
    }

    /** {@link #list(SupplierListParams)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Page<Supplier>> listAsync(SupplierListParams params) {
        return CompletableFuture.supplyAsync(() -> list(params), asyncExecutor());
    }
}
