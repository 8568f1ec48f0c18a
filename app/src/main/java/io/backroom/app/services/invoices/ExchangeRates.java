package io.backroom.app.services.invoices;

import io.backroom.api.model.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Optional;

/**
 * Converts amounts into the console's reporting currency, so a queue mixing GBP and EUR sorts and filters by one
 * measure. The rates are the sandbox ERP's reference rates (the same table its release-limit check uses); the Ops API
 * has no rates resource yet, so a retailer's own ERP may use other rates, and the server stays the judge of a limit.
 */
public final class ExchangeRates {
    private static final Map<String, BigDecimal> TO_EUR = Map.of(
            "EUR", BigDecimal.ONE, "USD", new BigDecimal("0.92"), "GBP", new BigDecimal("1.17"),
            "CHF", new BigDecimal("1.05"), "SEK", new BigDecimal("0.088"), "DKK", new BigDecimal("0.134"),
            "PLN", new BigDecimal("0.23"), "NOK", new BigDecimal("0.087"), "CZK", new BigDecimal("0.040"));

    private final String reporting;

    public ExchangeRates(String reportingCurrency) {
        this.reporting = reportingCurrency;
    }

    /** The sandbox's reference rates, reporting in EUR. */
    public static ExchangeRates sandbox() {
        return new ExchangeRates("EUR");
    }

    public String reportingCurrency() {
        return reporting;
    }

    /** One unit of {@code currency} in the reporting currency, if the rate is known. */
    public Optional<BigDecimal> rate(String currency) {
        return convert(BigDecimal.ONE, currency, reporting).map(r -> r.setScale(4, RoundingMode.HALF_UP));
    }

    /** {@code money} in the reporting currency (two decimals), if the rate is known. */
    public Optional<Money> toReporting(Money money) {
        if (money == null) {
            return Optional.empty();
        }
        return convert(money.amount(), money.currency(), reporting)
                .map(a -> new Money(a.setScale(2, RoundingMode.HALF_UP), reporting));
    }

    /** {@code amount} in {@code from} expressed in {@code to}, if both rates are known. */
    public static Optional<BigDecimal> convert(BigDecimal amount, String from, String to) {
        if (from.equals(to)) {
            return Optional.of(amount);
        }
        BigDecimal f = TO_EUR.get(from);
        BigDecimal t = TO_EUR.get(to);
        if (f == null || t == null) {
            return Optional.empty();
        }
        return Optional.of(amount.multiply(f).divide(t, 6, RoundingMode.HALF_UP));
    }

    /** The rate used, in words, for example "1 GBP = 1.1700 EUR". */
    public String describe(String currency) {
        return currency.equals(reporting) ? "" : rate(currency).map(r -> "1 " + currency + " = " + r.toPlainString()
                + " " + reporting).orElse("no rate for " + currency);
    }
}
