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

    /** Marks the in-process ERP feed (no token can carry it: a token hash is 64 hex digits). */
    private static final String ERP_FEED = "(erp feed)";

    /**
     * The ERP's own synchronisation identity, acting in-process (the sandbox seeder): it relays documents the ERP
     * already controlled, so the gateway's separation-of-duties rules do not apply to it. Nobody can sign in as it.
     */
    public static Principal erpFeed(User user) {
        return new Principal(user, ERP_FEED, Instant.MAX);
    }

    /** Whether this is the in-process ERP feed ({@link #erpFeed}). */
    public boolean isErpFeed() {
        return ERP_FEED.equals(tokenHash);
    }
}
