package io.backroom.app.services.session;

/** The roles of the synthetic retailer's users, as the gateway reports them. */
public enum Role {
    AP_CLERK("AP clerk"),
    AP_SUPERVISOR("AP supervisor"),
    LP_ANALYST("Loss-prevention analyst"),
    STORE_MANAGER("Store manager"),
    REGIONAL_MANAGER("Regional manager"),
    DIRECTOR("Director"),
    INTEGRATION_ANALYST("Integration analyst"),
    AUDITOR("Auditor"),
    ADMIN("Administrator");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The role named {@code name} (case and dashes ignored), or empty. */
    public static java.util.Optional<Role> parse(String name) {
        if (name == null) {
            return java.util.Optional.empty();
        }
        String n = name.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Role r : values()) {
            if (r.name().equals(n)) {
                return java.util.Optional.of(r);
            }
        }
        return java.util.Optional.empty();
    }
}
