package io.backroom.sdk;

/** Filters of {@code GET /api/v1/audit-events}. */
public final class AuditEventListParams extends ListParams {
    private AuditEventListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link AuditEventListParams}. */
    public static final class Builder extends ListParams.Builder<AuditEventListParams, Builder> {
        private Builder() {
        }

        /** Only events of this console's chain. */
        public Builder source(String source) {
            return put("source", source);
        }

        /** Only events about this subject. */
        public Builder subjectId(String subjectId) {
            return put("subjectId", subjectId);
        }

        /** Only events by this user. */
        public Builder actor(String actor) {
            return put("actor", actor);
        }

        @Override
        public AuditEventListParams build() {
            return new AuditEventListParams(this);
        }
    }
}
