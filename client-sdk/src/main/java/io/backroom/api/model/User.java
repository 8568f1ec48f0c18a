package io.backroom.api.model;

import java.util.List;

/**
 * A console user.
 *
 * @param regionId     the region the user's authority is limited to; {@code null} for company-wide roles
 * @param storeId      a store manager's store; otherwise {@code null}
 * @param releaseLimit the largest invoice total the user may release; {@code null} when unlimited
 *                     (an AP supervisor), zero when the user may not release at all
 * @param approvalLimit the largest amount the user may approve in the approvals inbox; zero if none
 */
public record User(String id, String username, String displayName, String email, List<Role> roles, String regionId,
        String storeId, Money releaseLimit, Money approvalLimit) {
    public User {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
