package io.backroom.sdk;

import io.backroom.api.model.Me;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The signed-in user. Tokens themselves are handled by the client (see {@link Credentials}). Get it
 * from {@link BackroomClient#auth()}.
 */
public interface AuthService {
    /** {@code GET /api/v1/me}: who is signed in, their roles, limits and permissions. */
    Me me(RequestOptions options);

    /** {@link #me(RequestOptions)} with the client's options. */
    default Me me() {
        return me(RequestOptions.NONE);
    }

    /** {@code POST /api/v1/auth/logout}: revokes the client's current token. A later call signs in again if it can. */
    void logout(RequestOptions options);

    /** {@link #logout(RequestOptions)} with the client's options. */
    default void logout() {
        logout(RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #me()} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Me> meAsync() {
        return CompletableFuture.supplyAsync(() -> me(), asyncExecutor());
    }
}
