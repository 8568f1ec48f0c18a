package io.backroom.api.model;

import java.time.Instant;

/**
 * A bearer token issued by {@code POST /api/v1/auth/token}. Send it as {@code Authorization: Bearer <accessToken>}
 * until {@code expiresAt}.
 *
 * @param tokenType always {@code Bearer}
 */
public record Token(String accessToken, String tokenType, Instant expiresAt, User user) {
    @Override
    public String toString() {
        return "Token[tokenType=" + tokenType + ", expiresAt=" + expiresAt + ", user=" + (user == null ? null : user.username()) + "]";
    }
}
