package io.backroom.sdk;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.NewGoodsReceipt;

/**
 * Goods received at stores; a new receipt re-matches its order's held invoices: {@code GET
 * /api/v1/goods-receipts} (pages by id) and {@code GET /api/v1/goods-receipts/{id}}, {@code POST
 * /api/v1/goods-receipts}. Get it from {@link BackroomClient#goodsReceipts()}. Its calls are those of
 * {@link ReadableResource} and {@link CreatableResource}.
 */
public interface GoodsReceiptsService extends ReadableResource<GoodsReceipt, GoodsReceiptListParams>,
        CreatableResource<GoodsReceipt, NewGoodsReceipt> {
}
