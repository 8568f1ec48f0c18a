package io.backroom.gateway.http;

import io.backroom.gateway.core.Problem;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The bounds every value a client sends is held to, at parse time and before any arithmetic: one rule per kind of
 * value, used for JSON bodies ({@link StrictJson}) and query parameters alike. Each violation is a message naming
 * what was expected; the caller names the field.
 */
public final class InputBounds {
    /** Digits before the decimal point of any decimal (amounts, quantities, rates). */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Digits after the decimal point of any decimal (unit prices; totals are held to the currency's minor units). */
    public static final int MAX_DECIMALS = 4;
    /** Characters of a decimal as written, sign and exponent included. */
    public static final int MAX_DECIMAL_CHARS = 40;
    /** The first and last year a date or instant may carry. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2199;
    /** Characters of a free-text string (descriptions, reasons, notes, payloads). */
    public static final int MAX_TEXT_CHARS = 100_000;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,6})?");

    private InputBounds() {
    }

    /** A value outside its bounds; the message says what is accepted. */
    public static final class OutOfBounds extends Exception {
        OutOfBounds(String message) {
            super(message, null, false, false);
        }
    }

    /** Parses a decimal within the bounds, without ever expanding a huge exponent. */
    public static BigDecimal decimal(String text) throws OutOfBounds {
        String s = text == null ? "" : text.strip();
        if (s.length() > MAX_DECIMAL_CHARS || !DECIMAL.matcher(s).matches()) {
            throw new OutOfBounds("must be a decimal number such as 1250.00 (at most " + MAX_INTEGER_DIGITS
                    + " digits before and " + MAX_DECIMALS + " after the decimal point)");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new OutOfBounds("must be a decimal number such as 1250.00");
        }
        if (value.signum() == 0) {
            return BigDecimal.ZERO.setScale(Math.max(0, Math.min(value.scale(), MAX_DECIMALS)));
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new OutOfBounds("has more than " + MAX_INTEGER_DIGITS + " digits before the decimal point");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_DECIMALS) {
            throw new OutOfBounds("has more than " + MAX_DECIMALS + " digits after the decimal point");
        }
        // written plainly: 1E+3 becomes 1000, 10.50 stays 10.50
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /** Parses a {@code yyyy-MM-dd} date from {@value #MIN_YEAR} to {@value #MAX_YEAR}. */
    public static LocalDate date(String text) throws OutOfBounds {
        if (text == null || !DATE.matcher(text).matches()) {
            throw new OutOfBounds("must be a date yyyy-MM-dd");
        }
        LocalDate d;
        try {
            d = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new OutOfBounds("must be a date yyyy-MM-dd that exists");
        }
        if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
            throw new OutOfBounds("must be a date from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return d;
    }

    /** Parses an ISO-8601 instant from {@value #MIN_YEAR} to {@value #MAX_YEAR}. */
    public static Instant instant(String text) throws OutOfBounds {
        if (text == null || text.length() > 40) {
            throw new OutOfBounds("must be an ISO-8601 instant such as 2026-11-26T10:00:00Z");
        }
        Instant i;
        try {
            i = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new OutOfBounds("must be an ISO-8601 instant such as 2026-11-26T10:00:00Z");
        }
        int year = i.atOffset(ZoneOffset.UTC).getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new OutOfBounds("must be an instant from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return i;
    }

    /** Free text: no NUL and no control characters other than tab, line feed and carriage return. */
    public static String text(String s) throws OutOfBounds {
        if (s.length() > MAX_TEXT_CHARS) {
            throw new OutOfBounds("must be at most " + MAX_TEXT_CHARS + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f || c >= 0x80 && c < 0xa0
                    || c == '\u2028' || c == '\u2029') {
                throw new OutOfBounds("must not contain control characters (found U+" + String.format("%04X", (int) c)
                        + ")");
            }
        }
        return s;
    }
}
