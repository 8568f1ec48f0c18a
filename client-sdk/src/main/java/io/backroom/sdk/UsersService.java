package io.backroom.sdk;

import io.backroom.api.model.User;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

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

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #get(String)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<User> getAsync(String id) {
        return CompletableFuture.supplyAsync(() -> get(id), asyncExecutor());
    }

    /** {@link #list(UserListParams)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Page<User>> listAsync(UserListParams params) {
        return CompletableFuture.supplyAsync(() -> list(params), asyncExecutor());
    }
}
