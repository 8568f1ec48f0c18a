package io.backroom.sdk;

/** Filters of {@code GET /api/v1/stores}. */
public final class StoreListParams extends ListParams {
    private StoreListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link StoreListParams}. */
    public static final class Builder extends ListParams.Builder<StoreListParams, Builder> {
        private Builder() {
        }

        /** Only stores of this region. */
        public Builder regionId(String regionId) {
            return put("regionId", regionId);
        }

        /** Case-insensitive text in id, name or city. */
        public Builder q(String q) {
            return put("q", q);
        }

        @Override
        public StoreListParams build() {
            return new StoreListParams(this);
        }
    }
}
