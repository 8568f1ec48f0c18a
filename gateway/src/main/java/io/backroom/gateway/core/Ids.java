package io.backroom.gateway.core;

import java.util.regex.Pattern;

/**
 * The one pattern of every id a client chooses or names (documents, references to suppliers, stores, orders,
 * invoices, users, audit sources): a letter or digit, then letters, digits, dot, underscore or dash, at most 64
 * characters. No spaces, no control characters, nothing a header, a path, a log line or a page could misread.
 */
public final class Ids {
    public static final String PATTERN_TEXT = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final Pattern PATTERN = Pattern.compile(PATTERN_TEXT);
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    private Ids() {
    }

    public static boolean valid(String id) {
        return id != null && PATTERN.matcher(id).matches();
    }

    /** Records a violation when {@code id} is present but does not match {@link #PATTERN}. */
    public static boolean check(Violations v, String field, String id) {
        if (id != null && !valid(id)) {
            v.add(field, "must match " + PATTERN_TEXT + " (letters, digits, '.', '_', '-'; at most 64)");
            return false;
        }
        return true;
    }

    /** Records a violation when {@code code} is present but is not three upper-case letters (ISO 4217). */
    public static boolean currency(Violations v, String field, String code) {
        if (code != null && !CURRENCY.matcher(code).matches()) {
            v.add(field, "must be an ISO 4217 code of three upper-case letters, such as EUR");
            return false;
        }
        return true;
    }
}
