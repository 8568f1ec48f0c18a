package io.backroom.api.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An amount of money: an exact decimal and an ISO 4217 currency code. On the wire the amount is a decimal
 * string ({@code {"amount":"1234.50","currency":"EUR"}}), never a binary floating-point number.
 */
public record Money(@JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, String currency) {
    private static final Pattern ISO_CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (!ISO_CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("currency must be an ISO 4217 code such as EUR, got '" + currency + "'");
        }
    }

    /** {@code amount} in {@code currency}, for example {@code Money.of("12.50", "EUR")}. */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    public static Money of(BigDecimal amount, String currency) {
        return new Money(amount, currency);
    }

    /** Zero in the given currency, with two decimals. */
    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO.setScale(2), currency);
    }

    /** Whether both amounts are numerically equal (ignoring scale) in the same currency. */
    public boolean isSameAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
