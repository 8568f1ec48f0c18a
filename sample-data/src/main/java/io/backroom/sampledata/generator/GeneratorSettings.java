package io.backroom.sampledata.generator;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate and where.
 *
 * @param asOf the data set's "today" (default {@link #DEFAULT_AS_OF}); no wall clock is ever read
 * @param pdfs which documents get a rendered PDF
 * @param pdfsPerLayout with {@link PdfMode#SAMPLE}, how many documents per document type and layout
 */
public record GeneratorSettings(Preset preset, long seed, LocalDate asOf, Path out, boolean gzip, PdfMode pdfs,
        int pdfsPerLayout) {
    /** Default as-of date of every documented data set. */
    public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 2);
    /** Seed of the committed demo set. */
    public static final long DEMO_SEED = 20261102L;

    /** Which documents are rendered as PDFs. */
    public enum PdfMode {
        NONE, SAMPLE, ALL
    }

    public GeneratorSettings {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(pdfs, "pdfs");
        if (pdfsPerLayout < 0) {
            throw new IllegalArgumentException("pdfsPerLayout must be >= 0, was " + pdfsPerLayout);
        }
    }

    /** The settings that produce the committed demo set into {@code out}. */
    public static GeneratorSettings committedDemo(Path out) {
        return new GeneratorSettings(Preset.DEMO, DEMO_SEED, DEFAULT_AS_OF, out, true, PdfMode.SAMPLE, 3);
    }
}
