package io.backroom.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order, as the ERP holds it.
 *
 * @param id      the PO number, for example {@code PO-2026-004211}
 * @param total   sum of its lines (quantity x unit price)
 * @param version optimistic-concurrency version
 * @param agreedFreight freight agreed on the order; {@code null} for free delivery (any freight is unplanned)
 */
public record PurchaseOrder(String id, String supplierId, String storeId, String buyerUserId, LocalDate orderDate,
        LocalDate expectedDate, String currency, PurchaseOrderStatus status, List<PurchaseOrderLine> lines, Money total,
        long version, Instant createdAt, Money agreedFreight) {
    public PurchaseOrder {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
