package io.backroom.api.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What a user may do: the one role list of the Ops API, the gateway and the console. The server
 * enforces every role; the console only mirrors it (which workspaces it offers).
 */
public enum Role {
    AP_CLERK("AP clerk"),
    AP_SUPERVISOR("AP supervisor"),
    LP_ANALYST("Loss-prevention analyst"),
    STORE_MANAGER("Store manager"),
    REGIONAL_MANAGER("Regional manager"),
    DIRECTOR("Director"),
    INTEGRATION_ANALYST("Integration analyst"),
    ADMIN("Administrator"),
    BUYER("Buyer"),
    LP_LEAD("Loss-prevention lead"),
    FINANCE_LEAD("Finance lead"),
    MERCHANDISER("Merchandiser");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** The role's name as a person reads it, for example "AP clerk". */
    public String label() {
        return label;
    }

    /** The role named {@code name} (case, dashes and spaces ignored), or empty. */
    public static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role r : values()) {
            if (r.name().equals(n)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
