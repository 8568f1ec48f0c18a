package io.backroom.app.ui.shell;

import io.backroom.api.model.Role;
import io.backroom.app.ui.keys.KeyBinding;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workspaces this console version ships, in navigation order. The shell builds navigation, the
 * command palette builds its "Go to" entries and the shortcuts overlay its list from here, so a
 * workspace that is not registered is offered nowhere.
 */
public final class WorkspaceRegistry {
    private final Map<String, WorkspaceSpec> specs = new LinkedHashMap<>();

    /** The workspaces of this version are {@link io.backroom.app.ui.Workspaces#standard()}. */
    public WorkspaceRegistry(List<WorkspaceSpec> specs) {
        Set<KeyBinding> goTos = new HashSet<>();
        for (WorkspaceSpec s : specs) {
            if (this.specs.putIfAbsent(s.id(), s) != null) {
                throw new IllegalArgumentException("Two workspaces have the id " + s.id());
            }
            if (s.goTo() != null && !goTos.add(s.goTo())) {
                throw new IllegalArgumentException("Two workspaces open with " + s.goTo());
            }
        }
    }

    /** An empty registry (the walking skeleton's shell). */
    public static WorkspaceRegistry empty() {
        return new WorkspaceRegistry(List.of());
    }

    /** Every registered workspace, in navigation order. */
    public List<WorkspaceSpec> all() {
        return List.copyOf(specs.values());
    }

    /** The workspaces a user with {@code roles} may use, in navigation order. */
    public List<WorkspaceSpec> visibleTo(Set<Role> roles) {
        return specs.values().stream().filter(s -> s.allowedFor(roles)).toList();
    }

    public Optional<WorkspaceSpec> byId(String id) {
        return Optional.ofNullable(specs.get(id));
    }

    /** The shortcuts of the workspaces a user with {@code roles} may use (their "go to" keys included). */
    public Set<KeyBinding> shortcutsFor(Set<Role> roles) {
        Set<KeyBinding> out = new HashSet<>();
        for (WorkspaceSpec s : visibleTo(roles)) {
            if (s.goTo() != null) {
                out.add(s.goTo());
            }
            out.addAll(s.shortcuts());
        }
        return out;
    }

    /** Creates one instance of each workspace a user with {@code roles} may use, for their session. */
    public List<Workspace> createFor(Set<Role> roles, WorkspaceContext context) {
        List<Workspace> out = new ArrayList<>();
        for (WorkspaceSpec s : visibleTo(roles)) {
            out.add(s.factory().apply(context));
        }
        return out;
    }
}
