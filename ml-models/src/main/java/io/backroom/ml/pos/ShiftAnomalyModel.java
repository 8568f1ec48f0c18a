package io.backroom.ml.pos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.backroom.ml.anomaly.AnomalyScore;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Cashier-shift anomaly scores from POS journals: each shift's behaviour rates
 * ({@link ShiftFeatures}) are normalised against the same store's shifts and the same hour band
 * ({@link PeerNormalizer}), then scored by the tabular detector — unsupervised (one-class SVM
 * ensemble) by default, supervised when reviewers' dispositions are given as labels.
 */
public final class ShiftAnomalyModel {
    /** Model name, also its directory under {@code ml-models/models/}. */
    public static final String NAME = "shift-anomaly";
    /** Model version. */
    public static final String VERSION = "1.0";
    static final String PEERS = "peers.json";
    static final int MIN_JOURNAL_SHIFTS = 200;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final PeerNormalizer peers;
    private final TabularAnomalyDetector detector;

    private ShiftAnomalyModel(PeerNormalizer peers, TabularAnomalyDetector detector) {
        this.peers = peers;
        this.detector = detector;
    }

    /** The features the model reads (never a label or a generator field). */
    public static List<String> featureNames() {
        return PeerNormalizer.names(ShiftFeatures.NAMES);
    }

    /** Trains on a data set; with {@code dispositions}, fraud labels by shift id drive a supervised model. */
    public static ShiftAnomalyModel train(DatasetDir data, long seed, Map<String, Integer> dispositions) {
        ShiftJournal journal = ShiftJournal.read(data);
        PeerNormalizer peers = fitPeers(journal);
        NumericTable table = table(journal, peers, dispositions);
        return new ShiftAnomalyModel(peers, TabularAnomalyDetector.fit(table, "shift_id", seed, 5).detector());
    }

    private static PeerNormalizer fitPeers(ShiftJournal journal) {
        List<String> stores = new ArrayList<>();
        List<Integer> hours = new ArrayList<>();
        double[][] rates = new double[journal.shifts.size()][];
        for (int i = 0; i < rates.length; i++) {
            ShiftFeatures.Accumulator a = journal.shifts.get(i);
            stores.add(a.storeId);
            hours.add(a.startHour(journal.zone));
            rates[i] = a.rates();
        }
        return PeerNormalizer.fit(stores, hours, rates);
    }

    private static NumericTable table(ShiftJournal journal, PeerNormalizer peers, Map<String, Integer> labels) {
        List<String> ids = new ArrayList<>();
        double[][] values = new double[journal.shifts.size()][];
        int[] y = labels == null ? null : new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ShiftFeatures.Accumulator a = journal.shifts.get(i);
            ids.add(a.shiftId);
            values[i] = peers.normalise(a.storeId, a.startHour(journal.zone), a.rates());
            if (y != null) {
                y[i] = labels.getOrDefault(a.shiftId, 0);
            }
        }
        return new NumericTable(ids, featureNames(), values, y);
    }

    /** Scores every shift of a data set (or a journal folder with pos-transactions). */
    public List<ShiftScore> score(DatasetDir data) {
        ShiftJournal journal = ShiftJournal.read(data);
        NumericTable table = table(journal, peersFor(journal), null);
        List<AnomalyScore> scores = detector.score(table);
        List<ShiftScore> out = new ArrayList<>(scores.size());
        for (int i = 0; i < scores.size(); i++) {
            ShiftFeatures.Accumulator a = journal.shifts.get(i);
            AnomalyScore s = scores.get(i);
            out.add(new ShiftScore(a.shiftId, a.storeId, a.cashierId, s.score(), s.percentile(), s.flagged(),
                    reasons(table.values()[i], a), NAME + " " + VERSION, s.provenanceHash()));
        }
        return out;
    }

    /**
     * The peers a journal's shifts are compared with: the journal's own shifts (same store, same
     * hour band) when it holds at least {@value #MIN_JOURNAL_SHIFTS} shifts, else the training
     * journal's statistics stored in the model.
     */
    private PeerNormalizer peersFor(ShiftJournal journal) {
        return journal.shifts.size() >= MIN_JOURNAL_SHIFTS ? fitPeers(journal) : peers;
    }

    /** Held-out metrics against the labels of {@code heldOut}: ROC-AUC, precision in the top 1 %, and the z-score baseline. */
    public Map<String, Double> evaluate(DatasetDir heldOut) {
        ShiftJournal journal = ShiftJournal.read(heldOut);
        Map<String, Integer> labels = ShiftJournal.labels(heldOut);
        NumericTable table = table(journal, peersFor(journal), labels);
        double[] ours = detector.rawScores(table.values());
        double[] baseline = zBaseline(journal);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("shifts", (double) table.size());
        m.put("fraud_shifts", (double) java.util.Arrays.stream(table.labels()).sum());
        m.put("roc_auc", RankingMetrics.rocAuc(ours, table.labels()));
        m.put("average_precision", RankingMetrics.averagePrecision(ours, table.labels()));
        m.put("precision_top_1pct", RankingMetrics.precisionAtTop(ours, table.labels(), 0.01));
        m.put("baseline_z_roc_auc", RankingMetrics.rocAuc(baseline, table.labels()));
        m.put("baseline_z_average_precision", RankingMetrics.averagePrecision(baseline, table.labels()));
        m.put("baseline_z_precision_top_1pct", RankingMetrics.precisionAtTop(baseline, table.labels(), 0.01));
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

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("return_rate", "returns per transaction"), Map.entry("return_share", "returns as a share of sales"),
            Map.entry("no_receipt_return_rate", "returns without receipt per transaction"),
            Map.entry("no_receipt_return_share", "no-receipt refunds as a share of sales"),
            Map.entry("void_line_rate", "voided lines per line"), Map.entry("void_share", "voided amount as a share of sales"),
            Map.entry("post_void_rate", "post-voids per transaction"), Map.entry("post_void_share", "post-voided amount as a share of sales"),
            Map.entry("no_sale_per_hour", "no-sale drawer openings per hour"), Map.entry("discount_share", "discounts as a share of sales"),
            Map.entry("discount_line_rate", "discounted lines per line"), Map.entry("price_override_rate", "price overrides per line"),
            Map.entry("markdown_share", "price-override markdowns as a share of sales"),
            Map.entry("manager_override_rate", "manager overrides per transaction"),
            Map.entry("gift_card_share", "gift-card value as a share of sales"), Map.entry("employee_sale_rate", "employee sales per transaction"),
            Map.entry("cash_variance_share", "cash drawer difference as a share of sales"), Map.entry("abs_cash_variance", "cash drawer difference"));

    private List<Reason> reasons(double[] normalised, ShiftFeatures.Accumulator a) {
        int d = ShiftFeatures.NAMES.size();
        double[] rates = a.rates();
        List<Reason> reasons = new ArrayList<>();
        for (int f = 0; f < d; f++) {
            double zStore = normalised[f];
            double zHour = normalised[d + f];
            boolean storeSide = Math.abs(zStore) >= Math.abs(zHour);
            double z = storeSide ? zStore : zHour;
            String name = ShiftFeatures.NAMES.get(f);
            String text = String.format(Locale.ROOT, "%s %s: %s, %.1f robust SD %s the usual for %s",
                    WORDS.getOrDefault(name, name), z > 0 ? "high" : "low", format(name, rates[f]), Math.abs(z),
                    z > 0 ? "above" : "below", storeSide ? "this store" : "this time of day");
            reasons.add(new Reason(name, text, Math.abs(z)));
        }
        return Reasons.top(reasons);
    }

    private static String format(String feature, double value) {
        if (feature.contains("share")) {
            return String.format(Locale.ROOT, "%.1f%%", value * 100);
        }
        if (feature.equals("abs_cash_variance")) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Saves the model (peer statistics + the tabular detector) into a directory. */
    public void save(Path dir) throws IOException {
        detector.save(dir);
        Files.writeString(dir.resolve(PEERS), JSON.writeValueAsString(peers) + "\n");
    }

    /** Loads a saved model. */
    public static ShiftAnomalyModel load(ArtefactSource source) {
        if (!source.exists(PEERS)) {
            throw new ModelArtefactException("Model " + source.describe() + " is missing " + PEERS + ". Regenerate it with: "
                    + source.regenerate());
        }
        PeerNormalizer peers;
        try (InputStream in = source.open(PEERS)) {
            peers = JSON.readValue(in, PeerNormalizer.class);
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + source.describe() + "/" + PEERS + " is corrupt (" + e.getMessage()
                    + "). Regenerate it with: " + source.regenerate(), e);
        }
        TabularAnomalyDetector detector = TabularAnomalyDetector.load(source);
        if (!detector.columns().equals(featureNames())) {
            throw new ModelArtefactException("Model " + source.describe() + " is the wrong type: its columns are not the shift features. "
                    + "Regenerate it with: " + source.regenerate());
        }
        return new ShiftAnomalyModel(peers, detector);
    }

    /** The model's digest (for provenance). */
    public String digest() {
        return Digests.sha256Hex(detector.digest() + peers.toString());
    }
}
