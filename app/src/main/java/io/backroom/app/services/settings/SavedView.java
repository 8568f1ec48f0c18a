package io.backroom.app.services.settings;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A named set of queue filters a person saved to come back to ("Meuse over 10k", "Price variances due this week").
 * Empty fields mean "any". Stored as URL-encoded {@code field=value} pairs under {@link #key(String)}.
 *
 * @param name          what the person called it
 * @param search        free text
 * @param holdCode      a hold code name, or empty
 * @param supplier      supplier text
 * @param store         store text
 * @param minAmount     lowest total, or null
 * @param maxAmount     highest total, or null
 * @param dueWithinDays due within this many days, or null
 */
public record SavedView(String name, String search, String holdCode, String supplier, String store, BigDecimal minAmount,
                        BigDecimal maxAmount, Integer dueWithinDays) {
    /** Prefix of the settings keys of saved queue views. */
    public static final String PREFIX = "ui.views.invoices.";

    public SavedView {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A saved view needs a name.");
        }
        name = name.strip();
        search = search == null ? "" : search;
        holdCode = holdCode == null ? "" : holdCode;
        supplier = supplier == null ? "" : supplier;
        store = store == null ? "" : store;
    }

    /** The settings key of the view called {@code name}. */
    public static String key(String name) {
        return PREFIX + name.strip();
    }

    /** The filters as one line of text (the name is the key). */
    public String encode() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("search", search);
        f.put("hold", holdCode);
        f.put("supplier", supplier);
        f.put("store", store);
        f.put("min", minAmount == null ? "" : minAmount.toPlainString());
        f.put("max", maxAmount == null ? "" : maxAmount.toPlainString());
        f.put("due", dueWithinDays == null ? "" : dueWithinDays.toString());
        StringBuilder out = new StringBuilder();
        f.forEach((k, v) -> out.append(out.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return out.toString();
    }

    /** Reads a stored view; empty when the text is malformed. */
    public static Optional<SavedView> decode(String name, String text) {
        if (name == null || name.isBlank() || text == null) {
            return Optional.empty();
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                return Optional.empty();
            }
            try {
                f.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new SavedView(name, f.get("search"), f.get("hold"), f.get("supplier"), f.get("store"),
                    decimal(f.get("min")), decimal(f.get("max")),
                    f.getOrDefault("due", "").isEmpty() ? null : Integer.valueOf(f.get("due"))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static BigDecimal decimal(String s) {
        return s == null || s.isEmpty() ? null : new BigDecimal(s);
    }
}
