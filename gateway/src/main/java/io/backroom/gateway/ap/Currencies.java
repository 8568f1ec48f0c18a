package io.backroom.gateway.ap;

import java.math.BigDecimal;
import java.util.Currency;

/** Minor units of ISO 4217 currencies: how many decimals a total, a tax or a charge may carry (2 for EUR). */
public final class Currencies {
    /** Decimals a unit price may carry, whatever the currency. */
    public static final int UNIT_PRICE_DECIMALS = 4;

    private Currencies() {
    }

    /** The currency's minor units (2 for EUR, 0 for JPY); 2 for a code the JDK does not know. */
    public static int minorUnits(String code) {
        if (code == null) {
            return 2;
        }
        try {
            int digits = Currency.getInstance(code).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }

    /** Whether {@code amount} has no more significant decimals than {@code decimals} (10.50 has 1, 10.005 has 3). */
    public static boolean fits(BigDecimal amount, int decimals) {
        return amount.stripTrailingZeros().scale() <= decimals;
    }
}
