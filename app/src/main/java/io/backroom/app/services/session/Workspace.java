package io.backroom.app.services.session;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The console's workspaces, who may use each, and whether this version ships it. Navigation
 * shows a workspace only to roles that can use it, and only once it is built.
 */
public enum Workspace {
    INVOICES("Invoices", true, EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR, Role.DIRECTOR, Role.ADMIN)),
    AUDIT("Audit", true, EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR, Role.LP_ANALYST, Role.DIRECTOR, Role.AUDITOR,
            Role.ADMIN)),
    ANOMALIES("Anomalies", false, EnumSet.of(Role.LP_ANALYST, Role.DIRECTOR, Role.ADMIN)),
    APPROVALS("Approvals", false, EnumSet.of(Role.STORE_MANAGER, Role.REGIONAL_MANAGER, Role.DIRECTOR, Role.ADMIN)),
    INTEGRATIONS("Integrations", false, EnumSet.of(Role.INTEGRATION_ANALYST, Role.ADMIN)),
    INSIGHTS("Insights", false, EnumSet.of(Role.DIRECTOR, Role.ADMIN));

    private final String title;
    private final boolean available;
    private final Set<Role> roles;

    Workspace(String title, boolean available, Set<Role> roles) {
        this.title = title;
        this.available = available;
        this.roles = roles;
    }

    public String title() {
        return title;
    }

    /** Whether any of {@code userRoles} may use it. */
    public boolean allowedFor(Set<Role> userRoles) {
        return userRoles.stream().anyMatch(roles::contains);
    }

    /** The workspaces to show to a user with {@code userRoles}, in navigation order. */
    public static List<Workspace> visibleTo(Set<Role> userRoles) {
        return Arrays.stream(values()).filter(w -> w.available && w.allowedFor(userRoles)).toList();
    }
}
