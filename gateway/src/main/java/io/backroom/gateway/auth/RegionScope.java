package io.backroom.gateway.auth;

import io.backroom.api.model.Role;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a regional user may read: the stores of their region (a regional manager) or their own store (a store
 * manager). A user who also holds a company-wide role (AP, LP, director, admin, integration, buyer) reads everything.
 * Documents outside the scope are answered as if they did not exist (404), so their ids are not confirmed either.
 *
 * @param regionId the region whose stores are visible, or {@code null}
 * @param storeId  the one store visible (store managers), or {@code null}
 */
public record RegionScope(String regionId, String storeId) {
    private static final Set<Role> REGIONAL = EnumSet.of(Role.REGIONAL_MANAGER, Role.STORE_MANAGER);

    /** The scope of {@code p}, or {@code null} when the user reads company-wide. */
    public static RegionScope of(Principal p) {
        List<Role> roles = p.user().roles();
        if (roles.isEmpty() || !REGIONAL.containsAll(roles)) {
            return null;
        }
        if (p.has(Role.STORE_MANAGER) && !p.has(Role.REGIONAL_MANAGER) && p.user().storeId() != null) {
            return new RegionScope(null, p.user().storeId());
        }
        // a regional user without a region sees no store: an empty scope rather than everything
        return new RegionScope(p.user().regionId() == null ? "" : p.user().regionId(), null);
    }

    /** A SQL condition on {@code storeColumn} (portable), with its one parameter {@link #parameter()}. */
    public String clause(String storeColumn) {
        return storeId != null ? storeColumn + " = ?"
                : storeColumn + " IN (SELECT id FROM rm_stores WHERE region_id = ?)";
    }

    public String parameter() {
        return storeId != null ? storeId : regionId;
    }

    /** Whether a document of {@code storeId} whose store is in {@code storeRegion} is visible. */
    public boolean allows(String documentStoreId, String storeRegion) {
        if (documentStoreId == null) {
            return false;
        }
        return storeId != null ? storeId.equals(documentStoreId) : regionId.equals(storeRegion);
    }
}
