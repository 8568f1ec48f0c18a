package io.backroom.sampledata.io;

import java.time.LocalDate;
import java.util.Map;

/**
 * {@code manifest.json}: what produced a data set and what it holds.
 *
 * @param formatVersion version of the on-disk format (this README's), bumped on incompatible change
 * @param generatorVersion version of the generator code; same seed + same generator version = same bytes
 * @param asOf the "today" of the data set: nothing happens after it; open work is what is open on that day
 * @param historyStart first day of purchase-order history
 * @param posStart first day of POS journals (they end on {@code asOf - 1})
 * @param timeZone zone of the stores' local times, e.g. {@code Europe/Amsterdam}
 * @param baseCurrency the retailer's currency (stores, POS, approvals)
 * @param gzip whether the JSON Lines files are gzipped ({@code .jsonl.gz})
 * @param counts number of lines per file, keyed by {@link EntityFile#countKey()}, plus {@code pdfs}
 */
public record Manifest(String formatVersion, String generatorVersion, String preset, long seed, LocalDate asOf,
        LocalDate historyStart, LocalDate posStart, String timeZone, String baseCurrency, boolean gzip,
        Map<String, Long> counts) {
    /** The format version this code reads and writes. */
    public static final String FORMAT_VERSION = "1";
}
