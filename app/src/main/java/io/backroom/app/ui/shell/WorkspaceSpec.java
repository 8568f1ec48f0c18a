package io.backroom.app.ui.shell;

import io.backroom.app.services.gateway.GatewaySenderFactory;
import io.backroom.api.model.Role;
import io.backroom.app.ui.keys.KeyBinding;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A workspace as it registers itself with the {@link WorkspaceRegistry}: everything the shell,
 * the command palette and the shortcuts overlay need to know before one is built. Each workspace
 * class declares its spec as a constant; adding a workspace is that class and one line in
 * {@link io.backroom.app.ui.Workspaces#standard()}.
 *
 * @param id        stable id, for example {@code invoices} (node ids {@code nav-<id>})
 * @param title     what navigation shows
 * @param roles     who may use it (any one suffices); the gateway enforces the same on every call
 * @param goTo      the shortcut that opens it, or {@code null}
 * @param shortcuts every shortcut it handles while shown (the overlay lists them only for a user who may use it)
 * @param senders   the outbox sender of each command kind it creates, made for the signed-in user's client
 * @param factory   builds an instance for one session
 */
public record WorkspaceSpec(String id, String title, Set<Role> roles, KeyBinding goTo, Set<KeyBinding> shortcuts,
                            Map<String, GatewaySenderFactory> senders,
                            Function<WorkspaceContext, Workspace> factory) {
    public WorkspaceSpec {
        if (id == null || !id.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A workspace id is lower-case letters, digits and dashes, got " + id);
        }
        roles = Set.copyOf(roles);
        shortcuts = Set.copyOf(shortcuts);
        senders = Map.copyOf(senders);
    }

    /** Whether a user with {@code userRoles} may use it. */
    public boolean allowedFor(Set<Role> userRoles) {
        return userRoles.stream().anyMatch(roles::contains);
    }
}
