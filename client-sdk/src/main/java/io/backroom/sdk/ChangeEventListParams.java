package io.backroom.sdk;

/** Where to start reading the change feed {@code GET /api/v1/events}. */
public final class ChangeEventListParams extends ListParams {
    private ChangeEventListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link ChangeEventListParams}. */
    public static final class Builder extends ListParams.Builder<ChangeEventListParams, Builder> {
        private Builder() {
        }

        /** Start after this cursor (a {@code ChangeEvent.cursor()}); from the beginning when not set. */
        public Builder after(String after) {
            return put("after", after);
        }

        @Override
        public ChangeEventListParams build() {
            return new ChangeEventListParams(this);
        }
    }
}
