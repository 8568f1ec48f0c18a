package io.backroom.sampledata.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a layout prints amounts: decimal and grouping separators and where the currency goes.
 *
 * @param currencyPlacement {@code BEFORE} ({@code £1,234.56}), {@code BEFORE_SPACE} ({@code € 1.234,56}),
 *     {@code AFTER_SPACE} ({@code 1 234,56 €}) or {@code CODE_BEFORE} ({@code GBP 1,234.56})
 */
record NumberStyle(char decimal, char grouping, String currencyPlacement) {
    static final NumberStyle ENGLISH = new NumberStyle('.', ',', "BEFORE");
    static final NumberStyle ENGLISH_CODE = new NumberStyle('.', ',', "CODE_BEFORE");
    static final NumberStyle FRENCH = new NumberStyle(',', ' ', "AFTER_SPACE");
    static final NumberStyle GERMAN = new NumberStyle(',', '.', "AFTER_SPACE");
    static final NumberStyle DUTCH = new NumberStyle(',', '.', "BEFORE_SPACE");

    /** The number alone, two decimals, e.g. {@code 1.234,56}. */
    String number(BigDecimal value) {
        return number(value, 2);
    }

    /** The number alone with {@code scale} decimals. */
    String number(BigDecimal value, int scale) {
        BigDecimal v = value.setScale(scale, RoundingMode.HALF_UP);
        String plain = v.abs().toPlainString();
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                sb.append(grouping);
            }
            sb.append(whole.charAt(i));
        }
        if (!fraction.isEmpty()) {
            sb.append(decimal).append(fraction);
        }
        return (v.signum() < 0 ? "-" : "") + sb;
    }

    /** A quantity: no decimals when whole. */
    String quantity(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return number(value, Math.max(0, stripped.scale()));
    }

    /** The amount with its currency. */
    String money(BigDecimal value, String currency) {
        String n = number(value);
        String symbol = symbol(currency);
        return switch (currencyPlacement) {
            case "BEFORE" -> n.startsWith("-") ? "-" + symbol + n.substring(1) : symbol + n;
            case "BEFORE_SPACE" -> symbol + " " + n;
            case "CODE_BEFORE" -> currency + " " + n;
            default -> n + " " + symbol;
        };
    }

    static String symbol(String currency) {
        return switch (currency) {
            case "EUR" -> "€";
            case "GBP" -> "£";
            case "USD" -> "$";
            default -> currency;
        };
    }
}
