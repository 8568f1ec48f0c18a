package io.backroom.sdk;

import io.backroom.api.model.User;

/** Users, their roles and limits (read-only). Get it from {@link BackroomClient#users()}. */
public interface UsersService {
    /** {@code GET /api/v1/users/{id}}. @throws NotFoundException if there is no such User */
    User get(String id, RequestOptions options);

    /** {@link #get(String, RequestOptions)} with the client's options. */
    default User get(String id) {
        return get(id, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/users}: the first page, by id; walk on with {@link Page#autoPager()}. */
    Page<User> list(UserListParams params, RequestOptions options);

    /** {@link #list(UserListParams, RequestOptions)} with the client's options. */
    default Page<User> list(UserListParams params) {
        return list(params, RequestOptions.NONE);
    }
}
