package io.backroom.gateway.core.identity;

import io.backroom.api.model.Page;
import io.backroom.api.model.User;
import io.backroom.gateway.core.erp.ListQuery;
import java.util.Optional;

/**
 * Who may sign in and what they may do: users with their roles, release and approval limits, region and store. The
 * sandbox's users implement it; a retailer's directory or the ERP's users can replace them. Failures are unchecked
 * ({@link io.backroom.gateway.core.erp.ErpUnavailableException} when the directory cannot be reached).
 */
public interface IdentityPort {
    /**
     * The user whose username and password these are, or empty when either is wrong (the caller must not learn
     * which). The password is never stored or logged by the caller.
     */
    Optional<User> authenticate(String username, char[] password);

    Optional<User> user(String id);

    /** Users ordered by id; filters {@code role}, {@code regionId}, {@code q}. */
    Page<User> users(ListQuery query);
}
