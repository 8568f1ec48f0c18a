package io.backroom.sdk;

/** Filters of {@code GET /api/v1/purchase-orders}. */
public final class PurchaseOrderListParams extends ListParams {
    private PurchaseOrderListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link PurchaseOrderListParams}. */
    public static final class Builder extends ListParams.Builder<PurchaseOrderListParams, Builder> {
        private Builder() {
        }

        /** Only orders to this supplier. */
        public Builder supplierId(String supplierId) {
            return put("supplierId", supplierId);
        }

        /** Only orders for this store. */
        public Builder storeId(String storeId) {
            return put("storeId", storeId);
        }

        /** Only orders in this status. */
        public Builder status(io.backroom.api.model.PurchaseOrderStatus status) {
            return put("status", status);
        }

        @Override
        public PurchaseOrderListParams build() {
            return new PurchaseOrderListParams(this);
        }
    }
}
