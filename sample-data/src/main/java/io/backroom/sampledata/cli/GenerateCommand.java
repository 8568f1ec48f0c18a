package io.backroom.sampledata.cli;

import io.backroom.sampledata.generator.GeneratorSettings;
import io.backroom.sampledata.generator.Preset;
import io.backroom.sampledata.generator.Progress;
import io.backroom.sampledata.generator.RetailerGenerator;
import io.backroom.sampledata.io.Manifest;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Command line: {@code generate --preset demo|large --seed N --out DIR [--pdf] [--pdf-sample N] [--as-of DATE]
 * [--gzip|--no-gzip]}. Prints progress to standard error and a summary of the manifest when done.
 */
public final class GenerateCommand {
    private GenerateCommand() {
    }

    /** Entry point; exits with 2 on bad arguments. */
    public static void main(String[] args) {
        try {
            GeneratorSettings settings = parse(args);
            long start = System.nanoTime();
            Manifest manifest = new RetailerGenerator(settings, new ConsoleProgress(System.err)).generate();
            System.err.println();
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintStream out = System.out;
            out.printf("Generated preset %s, seed %d, as of %s into %s in %.1f s%n", manifest.preset(),
                    manifest.seed(), manifest.asOf(), settings.out().toAbsolutePath(), seconds);
            for (Map.Entry<String, Long> e : manifest.counts().entrySet()) {
                out.printf("  %-32s %,12d%n", e.getKey(), e.getValue());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("generate: " + e.getMessage());
            System.err.println(usage());
            System.exit(2);
        }
    }

    static String usage() {
        return "usage: generate --preset demo|large --seed N --out DIR [--pdf] [--pdf-sample N] "
                + "[--as-of yyyy-MM-dd] [--gzip|--no-gzip]\n"
                + "  --pdf            render every document as PDF (slow for large)\n"
                + "  --pdf-sample N   render N documents per document type and layout (open invoices only)\n"
                + "  --as-of DATE     the data set's 'today' (default " + GeneratorSettings.DEFAULT_AS_OF + ")\n"
                + "  --gzip           gzip the JSON Lines files (default: on for demo, off for large)";
    }

    /** Parses the command line; throws {@link IllegalArgumentException} naming what is wrong. */
    static GeneratorSettings parse(String[] args) {
        Preset preset = null;
        Long seed = null;
        Path out = null;
        LocalDate asOf = GeneratorSettings.DEFAULT_AS_OF;
        GeneratorSettings.PdfMode pdf = GeneratorSettings.PdfMode.NONE;
        int perLayout = 0;
        Boolean gzip = null;
        int i = 0;
        if (args.length > 0 && "generate".equals(args[0])) {
            i = 1;
        }
        for (; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--preset" -> preset = Preset.named(value(args, ++i, a));
                case "--seed" -> seed = number(value(args, ++i, a), a);
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--pdf" -> pdf = GeneratorSettings.PdfMode.ALL;
                case "--pdf-sample" -> {
                    pdf = GeneratorSettings.PdfMode.SAMPLE;
                    perLayout = (int) number(value(args, ++i, a), a);
                }
                case "--as-of" -> {
                    String v = value(args, ++i, a);
                    try {
                        asOf = LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        throw new IllegalArgumentException("--as-of needs a date like 2026-11-02, got '" + v + "'");
                    }
                }
                case "--gzip" -> gzip = true;
                case "--no-gzip" -> gzip = false;
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        if (preset == null) {
            throw new IllegalArgumentException("--preset is required");
        }
        if (seed == null) {
            throw new IllegalArgumentException("--seed is required");
        }
        if (out == null) {
            throw new IllegalArgumentException("--out is required");
        }
        return new GeneratorSettings(preset, seed, asOf, out, gzip == null ? preset.gzip() : gzip, pdf, perLayout);
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static long number(String v, String flag) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + v + "'");
        }
    }

    /** Progress on one console line, redrawn at most every few percent. */
    private static final class ConsoleProgress implements Progress {
        private final PrintStream err;
        private String lastPhase = "";
        private long lastPercent = -1;

        ConsoleProgress(PrintStream err) {
            this.err = err;
        }

        @Override
        public void report(String phase, long done, long total) {
            long percent = total == 0 ? 100 : done * 100 / total;
            if (!phase.equals(lastPhase)) {
                if (!lastPhase.isEmpty()) {
                    err.println();
                }
                lastPhase = phase;
                lastPercent = -1;
            }
            if (percent != lastPercent && (percent % 5 == 0 || done == total)) {
                err.printf("\r%-24s %3d%% (%d/%d)", phase, percent, done, total);
                err.flush();
                lastPercent = percent;
            }
        }
    }
}
