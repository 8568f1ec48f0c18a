package io.backroom.api.model;

import java.time.Instant;
import java.util.Map;

/**
 * The tolerance policy of {@code GET/PUT /api/v1/policies/tolerances}. For each tolerance the most specific set
 * that defines it wins: supplier, then category (of the line's item), then global.
 *
 * @param categories overrides by item category
 * @param suppliers  overrides by supplier id
 * @param version    send it as {@code If-Match} on {@code PUT}
 */
public record TolerancePolicy(Tolerances global, Map<String, Tolerances> categories, Map<String, Tolerances> suppliers,
        long version, Instant updatedAt, String updatedBy) {
    public TolerancePolicy {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        suppliers = suppliers == null ? Map.of() : Map.copyOf(suppliers);
    }
}
