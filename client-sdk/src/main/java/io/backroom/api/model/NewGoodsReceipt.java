package io.backroom.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/v1/goods-receipts}.
 *
 * @param id      optional; generated when omitted, otherwise unique
 * @param storeId the PO's store when omitted
 */
public record NewGoodsReceipt(String id, String purchaseOrderId, String storeId, LocalDate receivedOn,
        String deliveryNote, List<GoodsReceiptLine> lines) {
}
