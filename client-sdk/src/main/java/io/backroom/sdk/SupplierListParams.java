package io.backroom.sdk;

/** Filters of {@code GET /api/v1/suppliers}. */
public final class SupplierListParams extends ListParams {
    private SupplierListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link SupplierListParams}. */
    public static final class Builder extends ListParams.Builder<SupplierListParams, Builder> {
        private Builder() {
        }

        /** Only blocked (or only unblocked) suppliers. */
        public Builder blocked(Boolean blocked) {
            return put("blocked", blocked);
        }

        /** Only suppliers of this ISO country code. */
        public Builder country(String country) {
            return put("country", country);
        }

        /** Case-insensitive text in id or name. */
        public Builder q(String q) {
            return put("q", q);
        }

        @Override
        public SupplierListParams build() {
            return new SupplierListParams(this);
        }
    }
}
