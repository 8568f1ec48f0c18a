package io.backroom.gateway.ap;

import io.backroom.gateway.core.Violations;
import java.math.BigDecimal;

/** Field rules of the AP documents that the JSON layer cannot know: decimals per kind of amount, tax rates. */
final class InputRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private InputRules() {
    }

    /** A unit price carries at most {@value Currencies#UNIT_PRICE_DECIMALS} decimals. */
    static boolean unitPrice(Violations v, String field, BigDecimal amount) {
        if (amount != null && !Currencies.fits(amount, Currencies.UNIT_PRICE_DECIMALS)) {
            v.add(field, "a unit price has at most " + Currencies.UNIT_PRICE_DECIMALS + " decimals, got "
                    + amount.toPlainString());
            return false;
        }
        return true;
    }

    /** A total, tax, charge or line amount carries at most the currency's minor units (2 for EUR). */
    static boolean minorUnits(Violations v, String field, BigDecimal amount, String currency) {
        int digits = Currencies.minorUnits(currency);
        if (amount != null && !Currencies.fits(amount, digits)) {
            v.add(field, "has more decimals than " + currency + " has (" + digits + "): " + amount.toPlainString());
            return false;
        }
        return true;
    }

    /** A tax rate is a percentage from 0 to 100. */
    static boolean taxRate(Violations v, String field, BigDecimal rate) {
        if (rate != null && (rate.signum() < 0 || rate.compareTo(HUNDRED) > 0)) {
            v.add(field, "must be a percentage between 0 and 100, got " + rate.toPlainString());
            return false;
        }
        return true;
    }
}
