package io.backroom.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/v1/purchase-orders}.
 *
 * @param id     the PO number; required and unique
 * @param status {@code OPEN} when omitted
 * @param agreedFreight freight agreed on the order; {@code null} or omitted for free delivery
 */
public record NewPurchaseOrder(String id, String supplierId, String storeId, String buyerUserId, LocalDate orderDate,
        LocalDate expectedDate, String currency, PurchaseOrderStatus status, List<PurchaseOrderLine> lines,
        Money agreedFreight) {
}
