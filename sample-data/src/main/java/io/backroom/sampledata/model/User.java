package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * A console user. {@code demoPassword} is the plain-text demo credential: a server must hash it when it seeds
 * its user store and must never store or log it as is.
 *
 * @param regionId region the user's authority is limited to; {@code null} for company-wide roles
 * @param storeId the store of a store manager; otherwise {@code null}
 * @param approvalLimit the largest amount (in {@code currency}) the user may approve; zero if none
 */
public record User(String id, String username, String displayName, String email, List<Role> roles,
        String regionId, String storeId, BigDecimal approvalLimit, String currency, String demoPassword) {
}
