package io.backroom.sdk;

import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.NewPurchaseOrder;

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
}
