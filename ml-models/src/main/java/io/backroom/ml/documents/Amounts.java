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

    /**
     * An amount: never glued to a letter, digit or decimal mark on either side (so "GB123456789",
     * "DE89 3704 0044" and "INV-2026-0042" yield nothing), at most nine digits before the decimal
     * mark (a 10+-digit run is an id: VAT, account, meter, IBAN), grouping by thousands or none.
     */
    private static final Pattern AMOUNT = Pattern.compile(
            "(?<neg>[-\u2212(])?\\s*(?<pre>[€£$]|EUR|GBP|USD|CHF|SEK|DKK|NOK|PLN)?\\s*(?<neg2>[-\u2212])?"
                    + "(?<![\\p{L}\\d/]|\\d[.,'/-]|\\p{L}[-.])"
                    + "(?<num>\\d{1,3}(?:[.,'\u00A0\u202F ]\\d{3}){1,2}(?:[.,]\\d{1,2})?|\\d{1,9}(?:[.,]\\d{1,2})?)"
                    + "(?![\\d\\p{L}]|[.,']\\d|[-/]\\d|\\s?%)"
                    + "(?:\\s*(?<post>[€£$]|EUR|GBP|USD|CHF|SEK|DKK|NOK|PLN)(?!\\s*[-\u2212]?\\d))?\\)?");
    private static final Pattern GLUED_CODE = Pattern.compile("(?<=\\d)(?=EUR|GBP|USD|CHF|SEK|DKK|NOK|PLN)|(?<=EUR|GBP|USD|CHF|SEK|DKK|NOK|PLN)(?=[-\\d])");

    private Amounts() {
    }

    /** The first amount in the text that carries decimals or a currency, else the first number. */
    static Optional<Money> find(String text) {
        Matcher m = AMOUNT.matcher(GLUED_CODE.matcher(text).replaceAll(" "));
        Money fallback = null;
        while (m.find()) {
            String num = m.group("num");
            String currency = currency(m.group("pre") != null ? m.group("pre") : m.group("post"));
            BigDecimal value = parseNumber(num);
            if (value == null) {
                continue;
            }
            if (m.group("neg") != null || m.group("neg2") != null) {
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

    /** An amount found in text: where it starts and ends (in {@code text}) and whether it looks like money. */
    record Hit(Money money, int start, int end, boolean decimals) {
    }

    /** Every amount of the text, in order, with positions in {@link #normalise(String)}'s result. */
    static java.util.List<Hit> scan(String normalised) {
        java.util.List<Hit> out = new java.util.ArrayList<>();
        Matcher m = AMOUNT.matcher(normalised);
        while (m.find()) {
            String num = m.group("num");
            BigDecimal value = parseNumber(num);
            if (value == null) {
                continue;
            }
            if (m.group("neg") != null || m.group("neg2") != null) {
                value = value.negate();
            }
            String currency = currency(m.group("pre") != null ? m.group("pre") : m.group("post"));
            out.add(new Hit(new Money(value, currency), m.start(), m.end(), num.matches(".*[.,]\\d{2}$")));
        }
        return out;
    }

    /** The text with currency codes glued to numbers set apart ("EUR12.00" becomes "EUR 12.00"). */
    static String normalise(String text) {
        boolean digit = false;
        boolean upper = false;
        for (int i = 0; i < text.length() && !(digit && upper); i++) {
            char ch = text.charAt(i);
            digit |= ch >= '0' && ch <= '9';
            upper |= ch >= 'A' && ch <= 'Z';
        }
        if (!digit || !upper) {
            return text;
        }
        return GLUED_CODE.matcher(text).replaceAll(" ");
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
