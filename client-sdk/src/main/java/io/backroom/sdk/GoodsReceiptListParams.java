package io.backroom.sdk;

/** Filters of {@code GET /api/v1/goods-receipts}. */
public final class GoodsReceiptListParams extends ListParams {
    private GoodsReceiptListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link GoodsReceiptListParams}. */
    public static final class Builder extends ListParams.Builder<GoodsReceiptListParams, Builder> {
        private Builder() {
        }

        /** Only receipts against this purchase order. */
        public Builder purchaseOrderId(String purchaseOrderId) {
            return put("purchaseOrderId", purchaseOrderId);
        }

        /** Only receipts at this store. */
        public Builder storeId(String storeId) {
            return put("storeId", storeId);
        }

        @Override
        public GoodsReceiptListParams build() {
            return new GoodsReceiptListParams(this);
        }
    }
}
