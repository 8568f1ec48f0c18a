package io.backroom.sampledata.generator;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Cent arithmetic used everywhere money is computed. Doubles become decimals through their exact binary value
 * ({@code new BigDecimal(double)}), never through {@code Double.toString}, whose digits changed between JDKs.
 */
public final class Money {
    /** Zero with two decimals. */
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    /** Rounds half-up to cents. */
    public static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A double amount rounded half-up to cents. */
    public static BigDecimal cents(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
    }

    /** quantity x price, in cents. */
    public static BigDecimal times(BigDecimal quantity, BigDecimal price) {
        return cents(quantity.multiply(price));
    }

    /** {@code percent} percent of {@code amount}, in cents. */
    public static BigDecimal percentOf(BigDecimal amount, BigDecimal percent) {
        return cents(amount.multiply(percent).divide(HUNDRED, 6, RoundingMode.HALF_UP));
    }

    /** A unit price raised by {@code percent} percent (negative lowers it), in cents. */
    public static BigDecimal raiseUnitPrice(BigDecimal unitPrice, double percent) {
        return unitPrice.multiply(new BigDecimal(1 + percent / 100.0)).setScale(2, RoundingMode.HALF_UP);
    }

    /** A percentage like {@code 20.00}. */
    public static BigDecimal percent(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_UP);
    }
}
