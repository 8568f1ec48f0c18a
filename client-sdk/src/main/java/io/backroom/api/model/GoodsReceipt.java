package io.backroom.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Goods received at a store against a purchase order; a PO line may be received in several receipts. */
public record GoodsReceipt(String id, String purchaseOrderId, String storeId, LocalDate receivedOn,
        String deliveryNote, List<GoodsReceiptLine> lines, Instant createdAt) {
    public GoodsReceipt {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
