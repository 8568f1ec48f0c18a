package io.backroom.ml.pos;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.testdata.DemoData;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scores a journal of exactly 1,000,000 POS transactions, measured, not extrapolated, and compares
 * it in the same process with two baselines over the same rows: a trivial pass (read, parse and
 * write one CSV row per transaction — the floor any scorer pays) and the per-feature z-score
 * baseline (shift rates, largest z-score, inherited by the shift's transactions).
 *
 * <p>The journal is built from {@code -Dbench.journal=DIR} (e.g. the sample-data {@code large}
 * preset, 1.1 M transactions: its first million are taken as they are) or else from
 * {@code -Dbench.heldout} / the demo set, repeated with fresh transaction and shift ids until it
 * holds one million. Run: {@code mvn -B -pl ml-models -am verify -Pbench -Dtest=TransactionScoringBench
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.journal=DIR]}.
 */
@Tag("bench")
class TransactionScoringBench {
    private static final int MILLION = 1_000_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path source() {
        String journal = System.getProperty("bench.journal");
        return Path.of(journal != null ? journal : System.getProperty("bench.heldout", DemoData.dir().toString()));
    }

    @Test
    void scoresAMillionTransactions(@TempDir Path dir) throws IOException {
        Path journalDir = dir.resolve("journal");
        String origin = buildJournal(source(), journalDir, MILLION);
        DatasetDir journal = DatasetDir.open(journalDir);
        ShiftAnomalyModel model = BackroomModels.fromClasspath().shiftAnomaly();

        trivialPass(journal, dir.resolve("warm.csv")); // file cache and JIT warm-up, not timed
        long[] c0 = clocks();
        long trivial = trivialPass(journal, dir.resolve("trivial.csv"));
        long[] c1 = clocks();
        long baseline = zScoreBaseline(journal, dir.resolve("zscore.csv"));
        long[] c2 = clocks();
        long ours = new TransactionScorer(model).scoreToCsv(journal, dir.resolve("scored.csv"));
        long[] c3 = clocks();

        assertThat(trivial).isEqualTo(MILLION);
        assertThat(baseline).isEqualTo(MILLION);
        assertThat(ours).isEqualTo(MILLION);
        double tTrivial = (c1[0] - c0[0]) / 1e9;
        double tBaseline = (c2[0] - c1[0]) / 1e9;
        double tOurs = (c3[0] - c2[0]) / 1e9;
        System.out.printf(Locale.ROOT, "BENCH 1M journal: %s; load average %.1f on %d cores%n", origin,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "BENCH score 1,000,000 POS transactions (shift-anomaly + markers, CSV with reasons): "
                + "%.1f s wall, %.1f s CPU%n", tOurs, (c3[1] - c2[1]) / 1e9);
        System.out.printf(Locale.ROOT, "BENCH   trivial pass over the same rows (read, parse, write id + shift): %.1f s wall, %.1f s CPU"
                + " -> scoring costs %.2f x the trivial pass%n", tTrivial, (c1[1] - c0[1]) / 1e9, tOurs / tTrivial);
        System.out.printf(Locale.ROOT, "BENCH   z-score baseline (shift rates, largest z, inherited by transactions): %.1f s wall, %.1f s CPU"
                + " -> scoring costs %.2f x the baseline%n", tBaseline, (c2[1] - c1[1]) / 1e9, tOurs / tBaseline);
    }

    /** {wall nanoseconds, process CPU nanoseconds}. */
    private static long[] clocks() {
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : -1;
        return new long[] {System.nanoTime(), cpu};
    }

    private static long trivialPass(DatasetDir journal, Path out) throws IOException {
        long[] n = {0};
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("transaction_id,shift_id\n");
            journal.forEach("pos-transactions", tx -> {
                write(w, tx.path("id").asText() + "," + tx.path("shiftId").asText() + "\n");
                n[0]++;
            });
        }
        return n[0];
    }

    private static long zScoreBaseline(DatasetDir journal, Path out) throws IOException {
        ShiftJournal shifts = ShiftJournal.read(journal);
        double[] z = ShiftAnomalyModel.zBaseline(shifts);
        Map<String, Double> byShift = new HashMap<>();
        for (int i = 0; i < z.length; i++) {
            byShift.put(shifts.shifts.get(i).shiftId, z[i]);
        }
        long[] n = {0};
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("transaction_id,shift_id,score\n");
            journal.forEach("pos-transactions", tx -> {
                String shift = tx.path("shiftId").asText();
                write(w, tx.path("id").asText() + "," + shift + "," + String.format(Locale.ROOT, "%.4f", byShift.getOrDefault(shift, 0.0))
                        + "\n");
                n[0]++;
            });
        }
        return n[0];
    }

    private static void write(BufferedWriter w, String s) {
        try {
            w.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a journal of exactly {@code count} transactions (plain JSON Lines) with its shifts and manifest. The source's
     * rows are taken as they are; if it has fewer, it is repeated with "-r{k}" appended to transaction and shift ids.
     */
    private static String buildJournal(Path source, Path target, int count) throws IOException {
        Files.createDirectories(target);
        Files.copy(source.resolve("manifest.json"), target.resolve("manifest.json"));
        int written = 0;
        int rounds = 0;
        try (BufferedWriter tx = Files.newBufferedWriter(target.resolve("pos-transactions.jsonl"), StandardCharsets.UTF_8);
             BufferedWriter shifts = Files.newBufferedWriter(target.resolve("cashier-shifts.jsonl"), StandardCharsets.UTF_8)) {
            while (written < count) {
                String suffix = rounds == 0 ? "" : "-r" + rounds;
                int before = written;
                try (BufferedReader r = reader(source, "pos-transactions")) {
                    for (String line = r.readLine(); line != null && written < count; line = r.readLine()) {
                        if (line.isBlank()) {
                            continue;
                        }
                        tx.write(rounds == 0 ? line : renamed(line, suffix, "id", "shiftId"));
                        tx.write('\n');
                        written++;
                    }
                }
                if (written == before) {
                    throw new IllegalStateException(source + " has no POS transactions");
                }
                try (BufferedReader r = reader(source, "cashier-shifts")) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        if (!line.isBlank()) {
                            shifts.write(rounds == 0 ? line : renamed(line, suffix, "id"));
                            shifts.write('\n');
                        }
                    }
                }
                rounds++;
            }
        }
        return String.format(Locale.ROOT, "%d transactions from %s (%s)", written, source,
                rounds == 1 ? "taken as generated" : "repeated " + rounds + " times with fresh ids");
    }

    private static String renamed(String line, String suffix, String... fields) throws IOException {
        ObjectNode node = (ObjectNode) JSON.readTree(line);
        for (String f : fields) {
            node.put(f, node.path(f).asText() + suffix);
        }
        return JSON.writeValueAsString(node);
    }

    private static BufferedReader reader(Path dir, String name) throws IOException {
        Path plain = dir.resolve(name + ".jsonl");
        if (Files.isRegularFile(plain)) {
            return Files.newBufferedReader(plain, StandardCharsets.UTF_8);
        }
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(dir.resolve(name + ".jsonl.gz")), 1 << 16),
                StandardCharsets.UTF_8));
    }
}
