package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order to a merchandise supplier, delivered to one store.
 *
 * @param id the PO number as printed on documents, e.g. {@code PO-2026-004211}
 * @param status {@code OPEN} (still expecting goods or invoices), {@code CLOSED} or {@code CANCELLED}
 * @param freightTerms {@code FREE_DELIVERY} (no freight may be billed) or {@code FREIGHT_ADDED} (freight up to
 *     {@code agreedFreight}, net of tax, may be billed)
 */
public record PurchaseOrder(String id, String supplierId, String storeId, String buyerUserId,
        PurchaseOrderOrigin origin, LocalDate orderDate, LocalDate expectedDate, String currency, String status,
        String freightTerms, BigDecimal agreedFreight, List<PurchaseOrderLine> lines) {
}
