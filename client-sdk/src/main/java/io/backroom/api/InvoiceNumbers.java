package io.backroom.api;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The one normaliser of supplier invoice numbers and document references, shared by the gateway
 * (duplicate detection) and the console (a supplier's PDF compared with the ERP's record): upper
 * case, the leading zeros of every digit group dropped, separators removed. The two uses differ
 * only in which characters count as separators.
 */
public final class InvoiceNumbers {
    /** Separators of an invoice number: white space, dashes (ASCII and Unicode) and underscores. */
    private static final Pattern NUMBER_SEPARATORS = Pattern.compile("[\\s\\-\u2010-\u2015_]+");
    /** Separators of a printed reference: white space, dashes, underscores, slashes, dots and {@code #}. */
    private static final Pattern REFERENCE_SEPARATORS = Pattern.compile("[\\s\\-_/.#]+");
    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<![0-9])0+(?=[0-9])");

    private InvoiceNumbers() {
    }

    /**
     * The key two invoices of one supplier are duplicates under: {@code "inv-000123"},
     * {@code "INV 123"} and {@code "Inv123"} all become {@code "INV123"}. The gateway stores it, so
     * it never changes for a given number.
     */
    public static String normalise(String number) {
        return fold(number.strip(), NUMBER_SEPARATORS);
    }

    /**
     * A reference as printed on a document, for comparison: case, spaces, dashes, slashes, dots,
     * {@code #} and leading zeros do not make two references different ({@code "PO #004512"} and
     * {@code "po-4512"} are both {@code "PO4512"}). {@code null} is the empty string.
     */
    public static String normaliseReference(String reference) {
        return fold(Objects.requireNonNullElse(reference, ""), REFERENCE_SEPARATORS);
    }

    private static String fold(String text, Pattern separators) {
        StringBuilder out = new StringBuilder(text.length());
        for (String part : separators.split(text.toUpperCase(Locale.ROOT))) {
            out.append(LEADING_ZEROS.matcher(part).replaceAll(""));
        }
        return out.toString();
    }
}
