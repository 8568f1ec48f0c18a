package io.backroom.gateway.auth;

import io.backroom.api.model.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** What the server lets each role do. The console mirrors these from {@code GET /me}; the server enforces them. */
public enum Permission {
    READ("read", "see master data, invoices and metrics", EnumSet.allOf(Role.class)),
    INTAKE("intake", "send purchase orders, goods receipts, invoices and documents",
            EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR, Role.INTEGRATION_ANALYST, Role.ADMIN)),
    ORDER("purchase-order.create", "raise purchase orders",
            EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR, Role.INTEGRATION_ANALYST, Role.ADMIN, Role.BUYER)),
    RECEIVE("goods-receipt.create", "record goods receipts and returns to the supplier",
            EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR, Role.INTEGRATION_ANALYST, Role.ADMIN, Role.STORE_MANAGER)),
    DECIDE("invoice.decide", "take decisions on held invoices", EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR)),
    RELEASE("invoice.release", "release held invoices within their release limit",
            EnumSet.of(Role.AP_CLERK, Role.AP_SUPERVISOR)),
    POLICY_WRITE("policy.write", "change the match tolerances", EnumSet.of(Role.ADMIN)),
    AUDIT_WRITE("audit.write", "send audit events", EnumSet.allOf(Role.class)),
    AUDIT_READ("audit.read", "read the audit log", EnumSet.of(Role.ADMIN, Role.AP_SUPERVISOR, Role.DIRECTOR));

    private final String key;
    private final String describes;
    private final Set<Role> roles;

    Permission(String key, String describes, Set<Role> roles) {
        this.key = key;
        this.describes = describes;
        this.roles = roles;
    }

    public String key() {
        return key;
    }

    public boolean grantedTo(List<Role> userRoles) {
        return userRoles.stream().anyMatch(roles::contains);
    }

    /** Throws a 403 problem saying, in words, who may do this. */
    public void require(Principal principal) {
        if (!grantedTo(principal.user().roles())) {
            throw io.backroom.gateway.core.Problem.forbidden("Only " + roleNames() + " may " + describes + "; you are "
                    + principal.user().username() + " (" + principal.user().roles() + ").");
        }
    }

    private String roleNames() {
        return String.join(", ", roles.stream().map(r -> r.name().toLowerCase().replace('_', ' ') + "s").toList());
    }

    /** The keys of the permissions a user holds. */
    public static List<String> keysFor(List<Role> roles) {
        return java.util.Arrays.stream(values()).filter(p -> p.grantedTo(roles)).map(Permission::key).toList();
    }
}
