package io.backroom.api.model;

import java.time.Instant;
import java.util.List;

/**
 * The signed-in user as returned by {@code GET /api/v1/me}: who they are, their roles, region and limits, what the
 * server will let them do, and when their token expires.
 *
 * @param permissions the actions the server allows this user, for example {@code invoice.release}
 */
public record Me(User user, List<String> permissions, Instant tokenExpiresAt) {
    public Me {
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
    }
}
