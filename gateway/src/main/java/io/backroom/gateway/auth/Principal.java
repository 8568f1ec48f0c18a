package io.backroom.gateway.auth;

import io.backroom.api.model.Role;
import io.backroom.api.model.User;
import java.time.Instant;

/**
 * The signed-in user behind a request.
 *
 * @param tokenHash SHA-256 of the bearer token (the token itself is never kept)
 */
public record Principal(User user, String tokenHash, Instant expiresAt) {
    public String id() {
        return user.id();
    }

    public boolean has(Role role) {
        return user.hasRole(role);
    }
}
