package io.backroom.gateway.http;

import io.backroom.gateway.core.Violations;
import io.backroom.api.model.Tolerances;
import java.math.BigDecimal;

/** Validates a tolerance set: every limit that is set must be zero or more. */
final class TolerancesCheck {
    private TolerancesCheck() {
    }

    static void check(Violations v, String prefix, Tolerances t) {
        if (t == null) {
            v.add(prefix, "must be an object");
            return;
        }
        one(v, prefix + ".priceUpperPercent", t.priceUpperPercent());
        one(v, prefix + ".priceUpperAmount", t.priceUpperAmount());
        one(v, prefix + ".priceLowerPercent", t.priceLowerPercent());
        one(v, prefix + ".priceLowerAmount", t.priceLowerAmount());
        one(v, prefix + ".quantityOverReceiptPercent", t.quantityOverReceiptPercent());
        one(v, prefix + ".quantityOverOrderPercent", t.quantityOverOrderPercent());
        one(v, prefix + ".unplannedChargeAmount", t.unplannedChargeAmount());
        one(v, prefix + ".taxAmount", t.taxAmount());
    }

    private static void one(Violations v, String field, BigDecimal value) {
        v.notNegative(field, value);
    }
}
