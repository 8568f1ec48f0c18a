package io.backroom.sdk;

import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.NewPurchaseOrder;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Purchase orders sent in by the ERP. Get it from {@link BackroomClient#purchaseOrders()}. */
public interface PurchaseOrdersService {
    /** {@code POST /api/v1/purchase-orders}, with an {@code Idempotency-Key} reused across retries. */
    PurchaseOrder create(NewPurchaseOrder value, RequestOptions options);

    /** {@link #create(NewPurchaseOrder, RequestOptions)} with the client's options. */
    default PurchaseOrder create(NewPurchaseOrder value) {
        return create(value, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/purchase-orders/{id}}. @throws NotFoundException if there is none */
    PurchaseOrder get(String id, RequestOptions options);

    /** {@link #get(String, RequestOptions)} with the client's options. */
    default PurchaseOrder get(String id) {
        return get(id, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/purchase-orders}: the first page, by id; walk on with {@link Page#autoPager()}. */
    Page<PurchaseOrder> list(PurchaseOrderListParams params, RequestOptions options);

    /** {@link #list(PurchaseOrderListParams, RequestOptions)} with the client's options. */
    default Page<PurchaseOrder> list(PurchaseOrderListParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #create(NewPurchaseOrder)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<PurchaseOrder> createAsync(NewPurchaseOrder value) {
        return CompletableFuture.supplyAsync(() -> create(value), asyncExecutor());
    }

    /** {@link #get(String)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<PurchaseOrder> getAsync(String id) {
        return CompletableFuture.supplyAsync(() -> get(id), asyncExecutor());
    }

    /** {@link #list(PurchaseOrderListParams)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Page<PurchaseOrder>> listAsync(PurchaseOrderListParams params) {
        return CompletableFuture.supplyAsync(() -> list(params), asyncExecutor());
    }
}
