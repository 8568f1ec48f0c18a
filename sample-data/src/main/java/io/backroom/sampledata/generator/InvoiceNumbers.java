package io.backroom.sampledata.generator;

import io.backroom.sampledata.model.Supplier;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Each supplier's own invoice numbering: a per-supplier counter in one of several house styles. */
final class InvoiceNumbers {
    private final Map<String, int[]> counters = new HashMap<>();

    String next(Supplier supplier, LocalDate date) {
        int[] counter = counters.computeIfAbsent(supplier.id(),
                k -> new int[] {1000 + Math.floorMod(k.hashCode() * 7919, 90_000)});
        int n = ++counter[0];
        int style = Math.floorMod(supplier.id().hashCode(), 7);
        int yy = date.getYear() % 100;
        return switch (style) {
            case 0 -> String.format(Locale.ROOT, "INV-%06d", n);
            case 1 -> String.format(Locale.ROOT, "%d-%05d", date.getYear(), n);
            case 2 -> String.format(Locale.ROOT, "F%02d%06d", yy, n);
            case 3 -> String.format(Locale.ROOT, "RE-%d-%05d", date.getYear(), n);
            case 4 -> String.format(Locale.ROOT, "FAC/%d/%05d", date.getYear(), n);
            case 5 -> String.format(Locale.ROOT, "%07d", n);
            default -> String.format(Locale.ROOT, "%02d%02d-%04d", yy, date.getMonthValue(), n);
        };
    }
}
