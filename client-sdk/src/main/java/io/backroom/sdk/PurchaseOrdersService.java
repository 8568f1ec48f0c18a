package io.backroom.sdk;

import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.NewPurchaseOrder;

/**
 * Purchase orders sent in by the ERP: {@code GET /api/v1/purchase-orders} (pages by id) and {@code GET
 * /api/v1/purchase-orders/{id}}, {@code POST /api/v1/purchase-orders}. Get it from {@link
 * BackroomClient#purchaseOrders()}. Its calls are those of {@link ReadableResource} and {@link
 * CreatableResource}.
 */
public interface PurchaseOrdersService extends ReadableResource<PurchaseOrder, PurchaseOrderListParams>,
        CreatableResource<PurchaseOrder, NewPurchaseOrder> {
}
