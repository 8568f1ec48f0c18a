package io.backroom.sdk;

/** Filters of {@code GET /api/v1/users}. */
public final class UserListParams extends ListParams {
    private UserListParams(Builder builder) {
        super(builder);
    }

    /** A builder with no filters. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builder of {@link UserListParams}. */
    public static final class Builder extends ListParams.Builder<UserListParams, Builder> {
        private Builder() {
        }

        /** Only users with this role. */
        public Builder role(io.backroom.api.model.Role role) {
            return put("role", role);
        }

        /** Only users of this region. */
        public Builder regionId(String regionId) {
            return put("regionId", regionId);
        }

        /** Case-insensitive text in id, user name or display name. */
        public Builder q(String q) {
            return put("q", q);
        }

        @Override
        public UserListParams build() {
            return new UserListParams(this);
        }
    }
}
