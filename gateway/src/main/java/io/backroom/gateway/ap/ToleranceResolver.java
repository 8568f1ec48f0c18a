package io.backroom.gateway.ap;

import io.backroom.api.model.TolerancePolicy;
import io.backroom.api.model.Tolerances;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Resolves the tolerance that applies to a line or header: for each rule the supplier's override if it sets one,
 * else the line's category override, else the global value. Remembers where each value came from.
 */
public final class ToleranceResolver {
    private final TolerancePolicy policy;

    public ToleranceResolver(TolerancePolicy policy) {
        this.policy = policy;
    }

    /** A resolved limit and its source ({@code global}, {@code category:X}, {@code supplier:Y}). */
    public record Limit(BigDecimal value, String source) {
    }

    public Limit resolve(String supplierId, String category, Function<Tolerances, BigDecimal> rule) {
        Tolerances supplier = supplierId == null ? null : policy.suppliers().get(supplierId);
        if (supplier != null && rule.apply(supplier) != null) {
            return new Limit(rule.apply(supplier), "supplier:" + supplierId);
        }
        Tolerances cat = category == null ? null : policy.categories().get(category);
        if (cat != null && rule.apply(cat) != null) {
            return new Limit(rule.apply(cat), "category:" + category);
        }
        return new Limit(rule.apply(policy.global()), "global");
    }
}
