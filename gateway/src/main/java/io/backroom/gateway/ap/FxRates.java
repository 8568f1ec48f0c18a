package io.backroom.gateway.ap;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Fixed sandbox exchange rates to EUR, used only to compare an invoice total with a release limit in another
 * currency. A real ERP connector would take the ERP's daily rates.
 */
final class FxRates {
    private static final Map<String, BigDecimal> TO_EUR = Map.of(
            "EUR", BigDecimal.ONE, "USD", new BigDecimal("0.92"), "GBP", new BigDecimal("1.17"),
            "CHF", new BigDecimal("1.05"), "SEK", new BigDecimal("0.088"), "DKK", new BigDecimal("0.134"),
            "PLN", new BigDecimal("0.23"), "NOK", new BigDecimal("0.087"), "CZK", new BigDecimal("0.040"));

    private FxRates() {
    }

    /** {@code amount} in {@code from} expressed in {@code to}, or {@code null} when either rate is unknown. */
    static BigDecimal convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return amount;
        }
        BigDecimal f = TO_EUR.get(from);
        BigDecimal t = TO_EUR.get(to);
        if (f == null || t == null) {
            return null;
        }
        return amount.multiply(f).divide(t, 4, RoundingMode.HALF_UP);
    }
}
