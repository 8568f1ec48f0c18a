package io.backroom.sdk;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.NewGoodsReceipt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #create(NewGoodsReceipt)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<GoodsReceipt> createAsync(NewGoodsReceipt value) {
        return CompletableFuture.supplyAsync(() -> create(value), asyncExecutor());
    }

    /** {@link #get(String)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<GoodsReceipt> getAsync(String id) {
        return CompletableFuture.supplyAsync(() -> get(id), asyncExecutor());
    }

    /** {@link #list(GoodsReceiptListParams)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Page<GoodsReceipt>> listAsync(GoodsReceiptListParams params) {
        return CompletableFuture.supplyAsync(() -> list(params), asyncExecutor());
    }
}
