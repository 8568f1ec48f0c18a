package io.backroom.app.services.session;

import io.backroom.api.model.Role;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who uses the console now. The bearer token, when there is one, lives only here, in memory; it is
 * never written to disk or logged ({@link #toString()} leaves it out).
 *
 * @param username    login name
 * @param displayName name to show
 * @param roles       what the gateway says the user may do
 * @param token       the bearer token, or {@code null} when not signed in to a gateway
 */
public record UserSession(String username, String displayName, Set<Role> roles, String token) {
    public UserSession {
        Objects.requireNonNull(username, "username");
        roles = Set.copyOf(roles);
        displayName = displayName == null || displayName.isBlank() ? username : displayName;
    }

    /** For the status bar, for example "Ana Lopez · AP clerk". */
    public String statusText() {
        String roleText = roles.stream().sorted().map(Role::label).collect(Collectors.joining(", "));
        return displayName + (roleText.isEmpty() ? "" : " · " + roleText);
    }

    @Override
    public String toString() {
        return "UserSession[" + username + ", " + roles + (token == null ? "" : ", token=***") + "]";
    }
}
