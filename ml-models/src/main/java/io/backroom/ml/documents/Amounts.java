package io.backroom.ml.documents;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses printed money amounts in the formats suppliers use: {@code 1,234.56}, {@code 1.234,56},
 * {@code 1 234,56}, {@code 1'234.56}, {@code 1234.5}, with a currency symbol or ISO code before or
 * after, and a minus sign or parentheses for negatives.
 */
final class Amounts {
    /** A money amount and the currency printed with it (or null). */
    record Money(BigDecimal amount, String currency) {
    }

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<neg>[-\u2212(])?\\s*(?<pre>[€£$]|EUR|GBP|USD|CHF|SEK|DKK|NOK|PLN)?\\s*"
                    + "(?<num>\\d{1,3}(?:[.,'\u00A0\u202F ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)"
                    + "\\s*(?<post>[€£$]|EUR|GBP|USD|CHF|SEK|DKK|NOK|PLN)?\\)?");

    private Amounts() {
    }

    /** The first amount in the text that carries decimals or a currency, else the first number. */
    static Optional<Money> find(String text) {
        Matcher m = AMOUNT.matcher(text);
        Money fallback = null;
        while (m.find()) {
            String num = m.group("num");
            String currency = currency(m.group("pre") != null ? m.group("pre") : m.group("post"));
            BigDecimal value = parseNumber(num);
            if (value == null) {
                continue;
            }
            if (m.group("neg") != null) {
                value = value.negate();
            }
            Money money = new Money(value, currency);
            boolean hasDecimals = num.matches(".*[.,]\\d{2}$");
            if (hasDecimals || currency != null) {
                return Optional.of(money);
            }
            if (fallback == null) {
                fallback = money;
            }
        }
        return Optional.ofNullable(fallback);
    }

    /** The last amount with decimals in the text (right-most column), if any. */
    static Optional<Money> findLast(String text) {
        Matcher m = AMOUNT.matcher(text);
        Money last = null;
        while (m.find()) {
            String num = m.group("num");
            BigDecimal value = parseNumber(num);
            if (value != null && num.matches(".*[.,]\\d{2}$")) {
                last = new Money(m.group("neg") != null ? value.negate() : value,
                        currency(m.group("pre") != null ? m.group("pre") : m.group("post")));
            }
        }
        return Optional.ofNullable(last);
    }

    /** The number without its grouping separators, deciding which of ',' and '.' is the decimal mark. */
    static BigDecimal parseNumber(String raw) {
        String s = raw.replace("\u00A0", "").replace("\u202F", "").replace(" ", "").replace("'", "");
        int lastDot = s.lastIndexOf('.');
        int lastComma = s.lastIndexOf(',');
        String normalised;
        if (lastDot >= 0 && lastComma >= 0) {
            normalised = lastComma > lastDot ? s.replace(".", "").replace(',', '.') : s.replace(",", "");
        } else if (lastComma >= 0) {
            int decimals = s.length() - lastComma - 1;
            boolean grouping = decimals == 3 && s.indexOf(',') != lastComma || decimals == 3 && s.length() > 4 && !s.startsWith("0");
            normalised = grouping ? s.replace(",", "") : s.replace(',', '.');
        } else if (lastDot >= 0) {
            int decimals = s.length() - lastDot - 1;
            boolean grouping = decimals == 3 && s.indexOf('.') != lastDot;
            normalised = grouping ? s.replace(".", "") : s;
        } else {
            normalised = s;
        }
        try {
            return new BigDecimal(normalised);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String currency(String symbol) {
        if (symbol == null) {
            return null;
        }
        return switch (symbol) {
            case "€" -> "EUR";
            case "£" -> "GBP";
            case "$" -> "USD";
            default -> symbol;
        };
    }
}
