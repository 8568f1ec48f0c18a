package io.backroom.sdk;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.NewGoodsReceipt;

/** Goods received at stores; a new receipt re-matches its order's held invoices. Get it from {@link BackroomClient#goodsReceipts()}. */
public interface GoodsReceiptsService {
    /** {@code POST /api/v1/goods-receipts}, with an {@code Idempotency-Key} reused across retries. */
    GoodsReceipt create(NewGoodsReceipt value, RequestOptions options);

    /** {@link #create(NewGoodsReceipt, RequestOptions)} with the client's options. */
    default GoodsReceipt create(NewGoodsReceipt value) {
        return create(value, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/goods-receipts/{id}}. @throws NotFoundException if there is none */
    GoodsReceipt get(String id, RequestOptions options);

    /** {@link #get(String, RequestOptions)} with the client's options. */
    default GoodsReceipt get(String id) {
        return get(id, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/goods-receipts}: the first page, by id; walk on with {@link Page#autoPager()}. */
    Page<GoodsReceipt> list(GoodsReceiptListParams params, RequestOptions options);

    /** {@link #list(GoodsReceiptListParams, RequestOptions)} with the client's options. */
    default Page<GoodsReceipt> list(GoodsReceiptListParams params) {
        return list(params, RequestOptions.NONE);
    }
}
