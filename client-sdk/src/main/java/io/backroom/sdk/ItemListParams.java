package io.backroom.sdk;

/** Filters of {@code GET /api/v1/items}. */
public final class ItemListParams extends ListParams {
    private ItemListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ItemListParams}. */
    public static final class Builder extends ListParams.Builder<ItemListParams, Builder> {
        private Builder() {
        }

        /** Only items of this category. */
        public Builder category(String category) {
            return put("category", category);
        }

        /** Only items of this supplier. */
        public Builder supplierId(String supplierId) {
            return put("supplierId", supplierId);
        }

        /** Case-insensitive text in id, SKU or name. */
        public Builder q(String q) {
            return put("q", q);
        }

        @Override
        public ItemListParams build() {
            return new ItemListParams(this);
        }
    }
}
