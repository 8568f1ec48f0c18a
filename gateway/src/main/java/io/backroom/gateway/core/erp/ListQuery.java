package io.backroom.gateway.core.erp;

import java.util.Map;

/**
 * A page request over a master-data or intake list, ordered by id: filters by name, page size and the id to
 * continue after.
 */
public record ListQuery(Map<String, String> filters, int limit, String afterId) {
    public ListQuery {
        filters = Map.copyOf(filters);
    }

    public String filter(String name) {
        return filters.get(name);
    }
}
