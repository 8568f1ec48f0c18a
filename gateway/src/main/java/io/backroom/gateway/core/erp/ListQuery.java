package io.backroom.gateway.core.erp;

import java.util.Map;

/**
 * A page request over a master-data or intake list, ordered by id: filters by name, page size and the id to
 * continue after.
 */
public record ListQuery(Map<String, String> filters, int limit, String afterId) {
    /** Filter keys the server sets (never a client) to limit a list to a regional user's region or store. */
    public static final String SCOPE_REGION = "(scope) region";
    public static final String SCOPE_STORE = "(scope) store";

    public ListQuery {
        filters = Map.copyOf(filters);
    }

    public String filter(String name) {
        return filters.get(name);
    }
}
