package io.backroom.gateway.http;

import io.backroom.gateway.core.Ids;
import io.backroom.gateway.core.Problem;
import java.util.Map;
import java.util.Set;

/** Query parameters held to the same bounds as bodies: ids to {@link Ids#PATTERN}, text to {@link InputBounds}. */
final class QueryBounds {
    /** List filters that name an id. */
    private static final Set<String> ID_FILTERS = Set.of("supplierId", "storeId", "regionId", "purchaseOrderId");
    /** Longest free-text search. */
    static final int MAX_SEARCH_CHARS = 100;

    private QueryBounds() {
    }

    static void check(Map<String, String> filters) {
        filters.forEach((name, value) -> {
            if (ID_FILTERS.contains(name) && !Ids.valid(value)) {
                throw Problem.validation(name, "must match " + Ids.PATTERN_TEXT);
            }
            if (name.equals("q") || name.equals("category") || name.equals("country") || name.equals("role")) {
                if (value.length() > MAX_SEARCH_CHARS) {
                    throw Problem.validation(name, "must be at most " + MAX_SEARCH_CHARS + " characters");
                }
                try {
                    InputBounds.text(value);
                } catch (InputBounds.OutOfBounds e) {
                    throw Problem.validation(name, e.getMessage());
                }
            }
        });
    }

    static void ids(String... values) {
        String[] names = {"supplierId", "storeId"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !values[i].isBlank() && !Ids.valid(values[i])) {
                throw Problem.validation(names[i], "must match " + Ids.PATTERN_TEXT);
            }
        }
    }
}
