package io.backroom.ml.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.backroom.ml.anomaly.TabularAnomalyDetector;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.eval.RankingMetrics;
import io.backroom.ml.explain.Reason;
import io.backroom.ml.explain.Reasons;
import io.backroom.ml.table.NumericTable;
import io.backroom.ml.tribuo.ArtefactSource;
import io.backroom.ml.tribuo.Digests;
import io.backroom.ml.tribuo.ModelArtefactException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cashier-shift anomaly scores from POS journals. Without reviewers' dispositions the model is a
 * robust, peer-normalised z-score rule ({@link PeerRates}): each behaviour rate against the norm of
 * all shifts and of the same store's other shifts that day, count and amount paired per behaviour,
 * the strongest behaviour's evidence (plus a quarter of the second) as the score, with its reasons in words ("refunds without
 * receipt 6.1× the norm"). With dispositions (fraud labels by shift id, the governed retrain path)
 * it is the tabular detector's supervised model over the same z-scores and behaviour evidences.
 */
public final class ShiftAnomalyModel {
    /** Model name, also its directory under {@code ml-models/models/}. */
    public static final String NAME = "shift-anomaly";
    /** Model version. */
    public static final String VERSION = "2.0";
    static final String STATE = "peer-rates.json";
    static final String FORMAT = "backroom-shift-anomaly/2";
    static final int MIN_JOURNAL_SHIFTS = 200;
    private static final int QUANTILES = 1001;
    private static final double FLAG_PERCENTILE = 0.99;
    private static final double STANDS_OUT = 3.0;
    /** Outer folds of the supervised path's nested cross-validation (each with 3 inner folds). */
    private static final int SUPERVISED_FOLDS = 3;
    private static final List<String> OLD_FILES = List.of("peers.json", "pipeline.json", "oneclass.tribuo", "booster.tribuo",
            "booster-raw.tribuo");
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    /**
     * The saved state ({@code peer-rates.json}).
     *
     * @param format    {@value #FORMAT}
     * @param mode      {@code peer-z} or {@code supervised}
     * @param rates     the rate names, in order
     * @param location  per rate, the training norm
     * @param scale     per rate, the training scale
     * @param quantiles training score quantiles, for percentiles
     * @param threshold the score at or above which a shift is flagged
     */
    record State(String format, String mode, List<String> rates, double[] location, double[] scale, double[] quantiles,
                 double threshold) {
    }

    private final PeerRates peers;
    private final TabularAnomalyDetector supervised;
    private final double[] quantiles;
    private final double threshold;

    private ShiftAnomalyModel(PeerRates peers, TabularAnomalyDetector supervised, double[] quantiles, double threshold) {
        this.peers = peers;
        this.supervised = supervised;
        this.quantiles = quantiles;
        this.threshold = threshold;
    }

    /** The features the model reads (never a label or a generator field): the z-score of each rate, then each behaviour's evidence. */
    public static List<String> featureNames() {
        List<String> names = new ArrayList<>();
        ShiftFeatures.NAMES.forEach(r -> names.add(r + "_z"));
        PeerRates.BEHAVIOURS.forEach(b -> names.add(b.name() + "_evidence"));
        return names;
    }

    /** Whether the model was trained on dispositions. */
    public boolean supervised() {
        return supervised != null;
    }

    /** Trains on a data set; with {@code dispositions}, fraud labels by shift id drive a supervised model. */
    public static ShiftAnomalyModel train(DatasetDir data, long seed, Map<String, Integer> dispositions) {
        ShiftJournal journal = ShiftJournal.read(data);
        double[][] rates = rates(journal);
        PeerRates peers = PeerRates.fit(rates);
        List<PeerRates.Comparison> compared = peers.compare(rates, groups(journal));
        TabularAnomalyDetector detector = null;
        double[] scores;
        if (dispositions == null) {
            scores = compared.stream().mapToDouble(c -> PeerRates.score(c.evidence())).toArray();
        } else {
            NumericTable table = table(journal, compared, dispositions);
            detector = TabularAnomalyDetector.fit(table, "shift_id", seed, SUPERVISED_FOLDS).detector();
            scores = detector.rawScores(table.values());
        }
        double[] q = quantilesOf(scores);
        double threshold = dispositions == null ? PeerRates.quantile(q, FLAG_PERCENTILE) : detector.threshold();
        return new ShiftAnomalyModel(peers, detector, q, threshold);
    }

    private static double[][] rates(ShiftJournal journal) {
        double[][] rates = new double[journal.shifts.size()][];
        for (int i = 0; i < rates.length; i++) {
            rates[i] = journal.shifts.get(i).rates();
        }
        return rates;
    }

    /** Store-day of each shift (the day norm's peer group). */
    private static List<String> groups(ShiftJournal journal) {
        List<String> groups = new ArrayList<>(journal.shifts.size());
        for (ShiftFeatures.Accumulator a : journal.shifts) {
            groups.add(a.storeId + "|" + (a.startedAt == null ? "?" : a.startedAt.atZone(journal.zone).toLocalDate()));
        }
        return groups;
    }

    private static NumericTable table(ShiftJournal journal, List<PeerRates.Comparison> compared, Map<String, Integer> labels) {
        List<String> ids = new ArrayList<>();
        double[][] values = new double[compared.size()][];
        int[] y = labels == null ? null : new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ShiftFeatures.Accumulator a = journal.shifts.get(i);
            ids.add(a.shiftId);
            PeerRates.Comparison c = compared.get(i);
            values[i] = Arrays.copyOf(c.z(), c.z().length + c.evidence().length);
            System.arraycopy(c.evidence(), 0, values[i], c.z().length, c.evidence().length);
            if (y != null) {
                y[i] = labels.getOrDefault(a.shiftId, 0);
            }
        }
        return new NumericTable(ids, featureNames(), values, y);
    }

    /**
     * The norms a journal's shifts are compared with: the journal's own (all its shifts) when it holds
     * at least {@value #MIN_JOURNAL_SHIFTS} shifts, else the training journal's, stored in the model.
     * The same store's other shifts that day always come from the journal itself.
     */
    private PeerRates peersFor(double[][] rates) {
        return rates.length >= MIN_JOURNAL_SHIFTS ? PeerRates.fit(rates) : peers;
    }

    /** Scores every shift of a data set (or a journal folder with pos-transactions). */
    public List<ShiftScore> score(DatasetDir data) {
        ShiftJournal journal = ShiftJournal.read(data);
        double[][] rates = rates(journal);
        List<PeerRates.Comparison> compared = peersFor(rates).compare(rates, groups(journal));
        double[] scores = rawScores(journal, compared);
        List<ShiftScore> out = new ArrayList<>(scores.length);
        String digest = digest();
        for (int i = 0; i < scores.length; i++) {
            ShiftFeatures.Accumulator a = journal.shifts.get(i);
            double score = scores[i];
            out.add(new ShiftScore(a.shiftId, a.storeId, a.cashierId, score, rank(score), score >= threshold,
                    reasons(rates[i], compared.get(i)), NAME + " " + VERSION,
                    Digests.provenanceHash(digest, a.shiftId + Arrays.toString(rates[i]))));
        }
        return out;
    }

    private double[] rawScores(ShiftJournal journal, List<PeerRates.Comparison> compared) {
        if (supervised == null) {
            return compared.stream().mapToDouble(c -> PeerRates.score(c.evidence())).toArray();
        }
        return supervised.rawScores(table(journal, compared, null).values());
    }

    /** Held-out metrics against the labels of {@code heldOut}: ROC-AUC, average precision, precision in the top 1 %, and the z-score baseline. */
    public Map<String, Double> evaluate(DatasetDir heldOut) {
        ShiftJournal journal = ShiftJournal.read(heldOut);
        Map<String, Integer> labels = ShiftJournal.labels(heldOut);
        double[][] rates = rates(journal);
        double[] ours = rawScores(journal, peersFor(rates).compare(rates, groups(journal)));
        int[] y = new int[rates.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels.getOrDefault(journal.shifts.get(i).shiftId, 0);
        }
        double[] baseline = zBaseline(journal);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("shifts", (double) y.length);
        m.put("fraud_shifts", (double) Arrays.stream(y).sum());
        m.put("roc_auc", RankingMetrics.rocAuc(ours, y));
        m.put("average_precision", RankingMetrics.averagePrecision(ours, y));
        m.put("precision_top_1pct", RankingMetrics.precisionAtTop(ours, y, 0.01));
        m.put("baseline_z_roc_auc", RankingMetrics.rocAuc(baseline, y));
        m.put("baseline_z_average_precision", RankingMetrics.averagePrecision(baseline, y));
        m.put("baseline_z_precision_top_1pct", RankingMetrics.precisionAtTop(baseline, y, 0.01));
        return m;
    }

    /** The simple baseline: the largest per-feature z-score of the raw rates against all shifts of the same journal. */
    static double[] zBaseline(ShiftJournal journal) {
        int n = journal.shifts.size();
        double[][] rates = new double[n][];
        for (int i = 0; i < n; i++) {
            rates[i] = journal.shifts.get(i).rates();
        }
        int d = rates[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] r : rates) {
            for (int f = 0; f < d; f++) {
                mean[f] += r[f] / n;
            }
        }
        for (double[] r : rates) {
            for (int f = 0; f < d; f++) {
                sd[f] += (r[f] - mean[f]) * (r[f] - mean[f]) / n;
            }
        }
        double[] score = new double[n];
        for (int i = 0; i < n; i++) {
            double max = 0;
            for (int f = 0; f < d; f++) {
                max = Math.max(max, Math.abs(rates[i][f] - mean[f]) / Math.max(Math.sqrt(sd[f]), 1e-9));
            }
            score[i] = max;
        }
        return score;
    }

    /** Up to three behaviours that stand out (evidence ≥ 3), in words; "nothing stands out" when none does. */
    private static List<Reason> reasons(double[] rates, PeerRates.Comparison c) {
        List<Reason> reasons = new ArrayList<>();
        for (int b = 0; b < PeerRates.BEHAVIOURS.size(); b++) {
            double e = c.evidence()[b];
            if (e < STANDS_OUT) {
                continue;
            }
            PeerRates.Behaviour behaviour = PeerRates.BEHAVIOURS.get(b);
            reasons.add(new Reason(behaviour.name(), describe(behaviour, rates, c), e));
        }
        if (reasons.isEmpty()) {
            return List.of(new Reason("none", "nothing stands out: every behaviour is within its norm", 0));
        }
        return Reasons.top(reasons);
    }

    private static String describe(PeerRates.Behaviour b, double[] rates, PeerRates.Comparison c) {
        int first = b.rates()[0];
        boolean day = c.dayNorm()[first];
        String context = day ? "this store's other shifts that day" : "all shifts";
        if (b.name().equals("cash_shortage")) {
            int abs = b.rates()[1];
            return String.format(Locale.ROOT, "cash drawer short by %.2f (%s of sales), against a usual difference of %.2f",
                    rates[abs], percent(-rates[first]), c.norm()[abs]);
        }
        StringBuilder text = new StringBuilder(b.words()).append(' ').append(times(rates[first], c.norm()[first]))
                .append(" the norm of ").append(context).append(": ").append(value(first, rates[first]))
                .append(" against ").append(value(first, c.norm()[first]));
        if (b.rates().length == 2) {
            int amount = b.rates()[1];
            text.append("; ").append(value(amount, rates[amount])).append(" against ").append(value(amount, c.norm()[amount]));
        }
        return text.toString();
    }

    private static String times(double value, double norm) {
        if (norm <= 1e-9) {
            return "far above";
        }
        double ratio = value / norm;
        return ratio >= 10 ? String.format(Locale.ROOT, "%.0f×", ratio) : String.format(Locale.ROOT, "%.1f×", ratio);
    }

    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("return_rate", "of transactions"), Map.entry("return_share", "of sales"),
            Map.entry("no_receipt_return_rate", "of transactions"), Map.entry("no_receipt_return_share", "of sales"),
            Map.entry("void_line_rate", "of lines"), Map.entry("void_share", "of sales"),
            Map.entry("post_void_rate", "of transactions"), Map.entry("post_void_share", "of sales"),
            Map.entry("discount_share", "of sales"), Map.entry("discount_line_rate", "of lines"),
            Map.entry("price_override_rate", "of lines"), Map.entry("markdown_share", "of sales"),
            Map.entry("manager_override_rate", "of transactions"), Map.entry("gift_card_share", "of sales"),
            Map.entry("employee_sale_rate", "of transactions"));

    private static String value(int rate, double v) {
        String name = ShiftFeatures.NAMES.get(rate);
        if (name.equals("no_sale_per_hour")) {
            return String.format(Locale.ROOT, "%.2f an hour", v);
        }
        return percent(v) + " " + UNITS.getOrDefault(name, "");
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private double rank(double score) {
        if (score <= quantiles[0]) {
            return 0;
        }
        if (score >= quantiles[quantiles.length - 1]) {
            return 1;
        }
        int lo = 0;
        int hi = quantiles.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (quantiles[mid] <= score) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = quantiles[hi] - quantiles[lo];
        return (lo + (span <= 0 ? 0 : (score - quantiles[lo]) / span)) / (quantiles.length - 1);
    }

    private static double[] quantilesOf(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] q = new double[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            q[i] = PeerRates.quantile(sorted, i / (double) (QUANTILES - 1));
        }
        return q;
    }

    /** Saves the model into a directory: {@code peer-rates.json}, plus the detector's files when supervised. */
    public void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String old : OLD_FILES) {
            Files.deleteIfExists(dir.resolve(old));
        }
        if (supervised != null) {
            supervised.save(dir);
        }
        Files.writeString(dir.resolve(STATE), stateJson(), StandardCharsets.UTF_8);
    }

    private String stateJson() {
        State state = new State(FORMAT, supervised == null ? "peer-z" : "supervised", ShiftFeatures.NAMES, peers.location(),
                peers.scale(), quantiles, threshold);
        try {
            return JSON.writeValueAsString(state) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the shift model state", e);
        }
    }

    /** Loads a saved model; refuses a missing, corrupt or foreign file with a message that says how to regenerate it. */
    public static ShiftAnomalyModel load(ArtefactSource source) {
        String file = source.describe() + "/" + STATE;
        if (!source.exists(STATE)) {
            throw new ModelArtefactException("Model " + source.describe() + " is missing " + STATE + ". Regenerate it with: "
                    + source.regenerate());
        }
        State state;
        try (InputStream in = source.open(STATE)) {
            state = JSON.readValue(in, State.class);
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + file + " is corrupt (" + e.getMessage()
                    + "). Regenerate it with: " + source.regenerate(), e);
        }
        int d = ShiftFeatures.NAMES.size();
        if (!FORMAT.equals(state.format()) || !ShiftFeatures.NAMES.equals(state.rates())) {
            throw new ModelArtefactException("Model file " + file + " is the wrong type: format '" + state.format()
                    + "', expected '" + FORMAT + "' over the shift rates. Regenerate it with: " + source.regenerate());
        }
        if (state.location() == null || state.location().length != d || state.scale() == null || state.scale().length != d
                || state.quantiles() == null || state.quantiles().length < 2) {
            throw new ModelArtefactException("Model file " + file + " is corrupt: its arrays do not match the " + d
                    + " shift rates. Regenerate it with: " + source.regenerate());
        }
        TabularAnomalyDetector detector = null;
        if ("supervised".equals(state.mode())) {
            detector = TabularAnomalyDetector.load(source);
            if (!detector.columns().equals(featureNames())) {
                throw new ModelArtefactException("Model " + source.describe() + " is the wrong type: its columns are not the shift features. "
                        + "Regenerate it with: " + source.regenerate());
            }
        } else if (!"peer-z".equals(state.mode())) {
            throw new ModelArtefactException("Model file " + file + " is corrupt: unknown mode '" + state.mode()
                    + "'. Regenerate it with: " + source.regenerate());
        }
        return new ShiftAnomalyModel(new PeerRates(state.location(), state.scale()), detector, state.quantiles(), state.threshold());
    }

    /** The model's digest (for provenance): SHA-256 of its saved state and, when supervised, the detector's. */
    public String digest() {
        return Digests.sha256Hex(stateJson() + (supervised == null ? "" : supervised.digest()));
    }
}
