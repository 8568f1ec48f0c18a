package io.backroom.gateway.ap;

import java.util.Locale;
import java.util.regex.Pattern;

/** Normalises supplier invoice numbers for duplicate detection. */
public final class InvoiceNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-\u2010-\u2015_]+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<![0-9])0+(?=[0-9])");

    private InvoiceNumbers() {
    }

    /**
     * Upper case, leading zeros of every digit group dropped, then spaces, dashes and underscores removed:
     * {@code "inv-000123"}, {@code "INV 123"} and {@code "Inv123"} all become {@code "INV123"}.
     */
    public static String normalise(String number) {
        String upper = number.strip().toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (String part : SEPARATORS.split(upper)) {
            out.append(LEADING_ZEROS.matcher(part).replaceAll(""));
        }
        return out.toString();
    }
}
