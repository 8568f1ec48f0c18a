package io.backroom.gateway.http;

import io.backroom.gateway.core.Problem;
import io.backroom.api.model.Store;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.auth.RegionScope;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.core.erp.ListQuery;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Applies a regional user's {@link RegionScope} to the read routes: lists are filtered, single reads are 404. */
final class ReadScope {
    private ReadScope() {
    }

    /** {@code q} limited to the user's region or store (unchanged for company-wide users). */
    static ListQuery apply(Principal p, ListQuery q) {
        RegionScope scope = RegionScope.of(p);
        if (scope == null) {
            return q;
        }
        Map<String, String> filters = new HashMap<>(q.filters());
        if (scope.storeId() != null) {
            filters.put(ListQuery.SCOPE_STORE, scope.storeId());
        } else {
            filters.put(ListQuery.SCOPE_REGION, scope.regionId());
        }
        return new ListQuery(filters, q.limit(), q.afterId());
    }

    /** {@code doc} if the user may read it; empty (so 404) when its store is outside their scope. */
    static <T> Optional<T> visible(Sql tx, ErpMirror erp, Principal p, Optional<T> doc, Function<T, String> storeOf)
            throws SQLException {
        RegionScope scope = RegionScope.of(p);
        if (scope == null || doc.isEmpty()) {
            return doc;
        }
        String storeId = storeOf.apply(doc.get());
        String region = storeId == null ? null : erp.store(tx, storeId).map(Store::regionId).orElse(null);
        return scope.allows(storeId, region) ? doc : Optional.empty();
    }
}
