package io.backroom.sdk;

import io.backroom.api.model.User;

/**
 * Users, their roles and limits (read-only): {@code GET /api/v1/users} (pages by id) and {@code GET
 * /api/v1/users/{id}}. Get it from {@link BackroomClient#users()}. Its calls are those of {@link
 * ReadableResource}.
 */
public interface UsersService extends ReadableResource<User, UserListParams> {
}
