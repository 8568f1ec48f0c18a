package io.backroom.ml.anomaly;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.backroom.ml.eval.RankingMetrics;
import io.backroom.ml.eval.StratifiedKFold;
import io.backroom.ml.explain.Reason;
import io.backroom.ml.table.NumericTable;
import io.backroom.ml.tribuo.ArtefactSource;
import io.backroom.ml.tribuo.Digests;
import io.backroom.ml.tribuo.ModelArtefactException;
import io.backroom.ml.tribuo.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tribuo.anomaly.Event;
import org.tribuo.classification.Label;

/**
 * The generic anomaly path: fit on any numeric table (a CSV export with an id column) and score
 * new rows of the same shape. Without labels it is an unsupervised ensemble ({@link UnsupervisedStack}:
 * robust scaling, then a bagged Tribuo one-class SVM, an isolation forest, the robust Mahalanobis
 * distance and the largest robust z, rank-averaged with weights chosen without labels); with labels
 * it is Tribuo XGBoost on the raw columns, on the robust z-scores plus the members' ranks, or both,
 * the variant chosen and reported by nested cross-validation against Tribuo logistic regression.
 */
public final class TabularAnomalyDetector {
    /** The model name written in cards and outputs. */
    public static final String NAME = "tabular-anomaly";
    /** The version of this model's format and method. */
    public static final String VERSION = "2.0";
    static final String PIPELINE = "pipeline.json";
    static final String ONE_CLASS = "oneclass-%d.tribuo";
    private static final String OLD_ONE_CLASS = "oneclass.tribuo";
    static final String BOOSTER = "booster.tribuo";
    static final String BOOSTER_RAW = "booster-raw.tribuo";
    private static final int QUANTILES = 1001;
    private static final double UNSUPERVISED_FLAG_PERCENTILE = 0.99;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final String idColumn;
    private final List<String> columns;
    private final UnsupervisedStack stack;
    private final SupervisedHead booster;
    private final double[] quantiles;
    private final double threshold;
    private String digest;

    private TabularAnomalyDetector(String idColumn, List<String> columns, UnsupervisedStack stack, SupervisedHead booster,
                                   double[] quantiles, double threshold) {
        this.idColumn = idColumn;
        this.columns = List.copyOf(columns);
        this.stack = stack;
        this.booster = booster;
        this.quantiles = quantiles;
        this.threshold = threshold;
    }

    /** The result of fitting: the model and what was measured. */
    public record Fitted(TabularAnomalyDetector detector, FitReport report) {
    }

    /**
     * Fits a model: supervised when the table is labelled (with {@code folds}-fold cross-validated
     * ROC-AUC and average precision against plain gradient boosting), unsupervised otherwise.
     */
    public static Fitted fit(NumericTable table, String idColumn, long seed, int folds) {
        if (table.size() < 20) {
            throw new IllegalArgumentException("at least 20 rows are needed to fit an anomaly model; the table has " + table.size());
        }
        double[][] rows = table.values();
        UnsupervisedStack stack = UnsupervisedStack.fit(rows, "tabular anomaly training table", seed);
        if (!table.labelled()) {
            double[] scores = unsupervisedScores(stack, rows);
            double[] q = quantilesOf(scores);
            double threshold = RobustScalerQuantile.at(q, UNSUPERVISED_FLAG_PERCENTILE);
            TabularAnomalyDetector detector = new TabularAnomalyDetector(idColumn, table.columns(), stack, null, q, threshold);
            Map<String, Double> diagnostics = new LinkedHashMap<>();
            for (int k = 0; k < UnsupervisedStack.COMPONENTS; k++) {
                diagnostics.put("weight_" + UnsupervisedStack.MEMBERS.get(k), stack.weights[k]);
            }
            double[] refit = unsupervisedScores(UnsupervisedStack.fit(rows, "tabular anomaly stability refit", seed + 1), rows);
            diagnostics.put("seed_stability_spearman", spearman(scores, refit));
            return new Fitted(detector, new FitReport(false, rows.length, 0, diagnostics, Map.of()));
        }
        int[] labels = table.labels();
        int positives = Arrays.stream(labels).sum();
        if (positives < folds * INNER_FOLDS || rows.length - positives < folds * INNER_FOLDS) {
            throw new IllegalArgumentException("supervised fitting needs at least " + folds * INNER_FOLDS
                    + " rows of each label (nested " + folds + " x " + INNER_FOLDS + "-fold cross-validation); the table has " + positives + " anomalies and " + (rows.length - positives) + " normal rows");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        Map<String, Double> baselines = new LinkedHashMap<>();
        double[][] wholeFeatures = features(stack, rows);
        String variant = crossValidate(wholeFeatures, rows, labels, seed, folds, metrics, baselines);
        SupervisedHead head = SupervisedHead.fit(variant, rows, wholeFeatures, boxed(labels), seed);
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = head.probability(rows[i], wholeFeatures[i]);
        }
        TabularAnomalyDetector detector = new TabularAnomalyDetector(idColumn, table.columns(), stack, head, quantilesOf(scores), 0.5);
        return new Fitted(detector, new FitReport(true, rows.length, positives, metrics, baselines));
    }

    private static final int INNER_FOLDS = 3;

    /**
     * Nested cross-validation: in each of {@code folds} outer folds the variant (raw, engineered,
     * blend) is chosen by an inner {@value #INNER_FOLDS}-fold cross-validation on the outer training
     * rows only, refitted on them and scored on the outer held-out rows, which therefore never helped
     * choose it. The baseline, Tribuo logistic regression on the robust z-scores, is fitted and scored
     * on the same outer folds. Records the pooled outer-fold metrics of both and returns the variant
     * the same inner procedure chooses on the whole table (the one the shipped model uses).
     */
    private static String crossValidate(double[][] wholeFeatures, double[][] rows, int[] labels, long seed, int folds,
                                        Map<String, Double> metrics, Map<String, Double> baselines) {
        int[] fold = StratifiedKFold.assign(labels, folds, seed);
        double[] chosen = new double[rows.length];
        double[] logistic = new double[rows.length];
        Map<String, Integer> picks = new LinkedHashMap<>();
        for (int f = 0; f < folds; f++) {
            List<Integer> train = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                if (fold[i] != f) {
                    train.add(i);
                }
            }
            double[][] trainRows = train.stream().map(i -> rows[i]).toArray(double[][]::new);
            int[] trainLabels = train.stream().mapToInt(i -> labels[i]).toArray();
            UnsupervisedStack stack = UnsupervisedStack.fit(trainRows, "tabular anomaly outer fold " + f, seed + f);
            double[][] trainFeatures = features(stack, trainRows);
            String variant = chooseVariant(trainRows, trainFeatures, trainLabels, seed + 1000L * (f + 1));
            picks.merge(variant, 1, Integer::sum);
            SupervisedHead head = SupervisedHead.fit(variant, trainRows, trainFeatures, boxed(trainLabels), seed + f);
            RobustScaler scaler = RobustScaler.fit(trainRows);
            TribuoLogistic lr = TribuoLogistic.fit(Arrays.stream(trainRows).map(r -> clip(scaler.transform(r))).toList(), boxed(trainLabels));
            for (int i = 0; i < rows.length; i++) {
                if (fold[i] == f) {
                    chosen[i] = head.probability(rows[i], SupervisedHead.features(stack, rows[i]));
                    logistic[i] = lr.probability(clip(scaler.transform(rows[i])));
                }
            }
        }
        metrics.put("nested_cv_roc_auc", RankingMetrics.rocAuc(chosen, labels));
        metrics.put("nested_cv_average_precision", RankingMetrics.averagePrecision(chosen, labels));
        for (String v : SupervisedHead.VARIANTS) {
            metrics.put("outer_folds_choosing_" + v, (double) picks.getOrDefault(v, 0));
        }
        baselines.put("nested_cv_roc_auc", RankingMetrics.rocAuc(logistic, labels));
        baselines.put("nested_cv_average_precision", RankingMetrics.averagePrecision(logistic, labels));
        return chooseVariant(rows, wholeFeatures, labels, seed);
    }

    /**
     * The variant with the best {@value #INNER_FOLDS}-fold out-of-fold average precision on these rows
     * (simplest on ties). The label-free members ({@code stack}) are fitted once on all these rows;
     * only the boosters are refitted per inner fold, so no label of an inner held-out row is used.
     */
    private static String chooseVariant(double[][] rows, double[][] features, int[] labels, long seed) {
        int[] fold = StratifiedKFold.assign(labels, INNER_FOLDS, seed);
        double[] raw = new double[rows.length];
        double[] engineered = new double[rows.length];
        for (int f = 0; f < INNER_FOLDS; f++) {
            List<double[]> trainRaw = new ArrayList<>();
            List<double[]> trainFeatures = new ArrayList<>();
            List<Integer> trainLabels = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) {
                if (fold[i] != f) {
                    trainRaw.add(rows[i]);
                    trainFeatures.add(features[i]);
                    trainLabels.add(labels[i]);
                }
            }
            SupervisedHead head = SupervisedHead.fit("blend", trainRaw.toArray(new double[0][]), trainFeatures.toArray(new double[0][]),
                    trainLabels, seed + f);
            for (int i = 0; i < rows.length; i++) {
                if (fold[i] == f) {
                    raw[i] = head.raw.probability(rows[i]);
                    engineered[i] = head.engineered.probability(features[i]);
                }
            }
        }
        double[] blend = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            blend[i] = (raw[i] + engineered[i]) / 2;
        }
        List<double[]> candidates = List.of(raw, engineered, blend);
        int best = 0;
        for (int v = 1; v < candidates.size(); v++) {
            if (RankingMetrics.averagePrecision(candidates.get(v), labels)
                    > RankingMetrics.averagePrecision(candidates.get(best), labels) + 1e-9) {
                best = v;
            }
        }
        return SupervisedHead.VARIANTS.get(best);
    }

    private static double[][] features(UnsupervisedStack stack, double[][] rows) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = SupervisedHead.features(stack, rows[i]);
        }
        return out;
    }

    private static double[] clip(double[] z) {
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.max(-UnsupervisedStack.Z_CLIP, Math.min(UnsupervisedStack.Z_CLIP, z[i]));
        }
        return z;
    }

    private static double[] unsupervisedScores(UnsupervisedStack stack, double[][] rows) {
        double[] scores = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            scores[i] = stack.ensemble(stack.normalised(stack.z(rows[i])));
        }
        return scores;
    }

    /** Spearman rank correlation (average ranks for ties). */
    static double spearman(double[] a, double[] b) {
        return UnsupervisedStack.correlation(ranks(a), ranks(b));
    }

    private static double[] ranks(double[] a) {
        Integer[] idx = new Integer[a.length];
        for (int i = 0; i < a.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(a[x], a[y]));
        double[] r = new double[a.length];
        int i = 0;
        while (i < a.length) {
            int j = i;
            while (j + 1 < a.length && a[idx[j + 1]] == a[idx[i]]) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                r[idx[k]] = (i + j) / 2.0;
            }
            i = j + 1;
        }
        return r;
    }

    /** The members and their weights, in words ("one_class_svm 0.41, ..."). */
    public String members() {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < UnsupervisedStack.COMPONENTS; k++) {
            b.append(k == 0 ? "" : ", ").append(UnsupervisedStack.MEMBERS.get(k))
                    .append(String.format(Locale.ROOT, " %.2f", stack.weights[k]));
        }
        return b.toString();
    }

    private static List<Integer> boxed(int[] labels) {
        return Arrays.stream(labels).boxed().toList();
    }

    UnsupervisedStack stack() {
        return stack;
    }

    /** The feature columns the model reads, in order. */
    public List<String> columns() {
        return columns;
    }

    /** The id column the model was fitted with. */
    public String idColumn() {
        return idColumn;
    }

    /** Whether the model was fitted with labels. */
    public boolean supervised() {
        return booster != null;
    }

    /** The raw score above which a row is flagged. */
    public double threshold() {
        return threshold;
    }

    /** Scores every row of a table that has the model's columns. */
    public List<AnomalyScore> score(NumericTable table) {
        if (!table.columns().equals(columns)) {
            throw new IllegalArgumentException("the table's columns " + table.columns() + " are not the model's " + columns);
        }
        List<AnomalyScore> out = new ArrayList<>(table.size());
        for (int i = 0; i < table.size(); i++) {
            out.add(scoreRow(table.ids().get(i), table.values()[i]));
        }
        return out;
    }

    /** The raw anomaly scores only (no reasons), for evaluation. */
    public double[] rawScores(double[][] rows) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = rawScore(rows[i]);
        }
        return out;
    }

    private double rawScore(double[] row) {
        if (booster != null) {
            return booster.probability(stack, row);
        }
        return stack.ensemble(stack.normalised(stack.z(row)));
    }

    private AnomalyScore scoreRow(String id, double[] row) {
        double score = rawScore(row);
        double[] z = stack.z(row);
        boolean flagged = score >= threshold;
        List<Reason> reasons = AnomalyReasons.explain(columns, row, z, stack, flagged);
        StringBuilder input = new StringBuilder(id);
        for (double v : row) {
            input.append(',').append(Double.toString(v));
        }
        return new AnomalyScore(id, score, RobustScalerQuantile.rank(quantiles, score), flagged, reasons,
                NAME + " " + VERSION, Digests.provenanceHash(digest(), input.toString()));
    }

    /** SHA-256 over the artefact bytes (pipeline and Tribuo models), as saved. */
    public synchronized String digest() {
        if (digest == null) {
            MessageDigest md = Digests.sha256();
            md.update(pipelineJson().getBytes(StandardCharsets.UTF_8));
            for (TribuoOneClass svm : stack.svms) {
                md.update(svm.model().serialize().toByteArray());
            }
            if (booster != null && booster.raw != null) {
                md.update(booster.raw.model().serialize().toByteArray());
            }
            if (booster != null && booster.engineered != null) {
                md.update(booster.engineered.model().serialize().toByteArray());
            }
            digest = HexFormat.of().formatHex(md.digest());
        }
        return digest;
    }

    /** Saves the model into a directory: {@code pipeline.json} and the Tribuo protobuf files. */
    public void save(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(PIPELINE), pipelineJson(), StandardCharsets.UTF_8);
        Files.deleteIfExists(directory.resolve(OLD_ONE_CLASS));
        for (int b = 0; b < stack.svms.size(); b++) {
            ModelFiles.save(stack.svms.get(b).model(), directory.resolve(String.format(Locale.ROOT, ONE_CLASS, b)));
        }
        Files.deleteIfExists(directory.resolve(BOOSTER));
        Files.deleteIfExists(directory.resolve(BOOSTER_RAW));
        if (booster != null && booster.raw != null) {
            ModelFiles.save(booster.raw.model(), directory.resolve(BOOSTER_RAW));
        }
        if (booster != null && booster.engineered != null) {
            ModelFiles.save(booster.engineered.model(), directory.resolve(BOOSTER));
        }
    }

    private String pipelineJson() {
        PipelineState state = new PipelineState(PipelineState.FORMAT, NAME, VERSION, idColumn, columns,
                booster == null ? "unsupervised" : booster.variant,
                stack.scaler.log(), stack.scaler.median(), stack.scaler.scale(), stack.mahalanobis.mean(),
                stack.mahalanobis.inverse(), stack.mahalanobis.whitening(), UnsupervisedStack.MEMBERS, stack.weights,
                stack.memberQuantiles, stack.svmQuantiles, stack.forest.subsample(), stack.forest.flatten(), stack.trainingRows, stack.whitened,
                quantiles, threshold);
        try {
            return JSON.writeValueAsString(state) + "\n";
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write the pipeline state", e);
        }
    }

    /** Loads a model saved by {@link #save}; refuses missing, corrupt or foreign files with a clear message. */
    public static TabularAnomalyDetector load(Path directory) {
        return load(ArtefactSource.directory(directory, "backroom-models anomaly fit --csv FILE --id COLUMN --out " + directory));
    }

    /** Loads a model from any artefact source (a directory, or the class path). */
    public static TabularAnomalyDetector load(ArtefactSource source) {
        String regenerate = source.regenerate();
        String pipeline = source.describe() + "/" + PIPELINE;
        if (!source.exists(PIPELINE)) {
            throw new ModelArtefactException("Model " + source.describe() + " is missing " + PIPELINE
                    + " (is this an anomaly model directory?). Regenerate it with: " + regenerate);
        }
        PipelineState state;
        try (InputStream in = source.open(PIPELINE)) {
            state = JSON.readValue(in, PipelineState.class);
        } catch (JacksonException e) {
            throw new ModelArtefactException("Model file " + pipeline + " is corrupt (" + e.getOriginalMessage()
                    + "). Regenerate it with: " + regenerate, e);
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + pipeline + " cannot be read (" + e.getMessage()
                    + "). Regenerate it with: " + regenerate, e);
        }
        if (!PipelineState.FORMAT.equals(state.format())) {
            throw new ModelArtefactException("Model file " + pipeline + " is the wrong type: format '" + state.format()
                    + "', expected '" + PipelineState.FORMAT + "'. Regenerate it with: " + regenerate);
        }
        checkShapes(state, pipeline, regenerate);
        List<TribuoOneClass> svms = new ArrayList<>();
        for (int b = 0; b < state.svmQuantiles().length; b++) {
            svms.add(new TribuoOneClass(load(source, String.format(Locale.ROOT, ONE_CLASS, b), Event.class), state.columns().size()));
        }
        SupervisedHead booster = null;
        String variant = state.mode();
        if (!"unsupervised".equals(variant)) {
            if (!SupervisedHead.VARIANTS.contains(variant)) {
                throw new ModelArtefactException("Model file " + pipeline + " is corrupt: unknown mode '" + variant
                        + "'. Regenerate it with: " + regenerate);
            }
            int d = state.columns().size();
            TribuoBooster raw = variant.equals("engineered") ? null : new TribuoBooster(load(source, BOOSTER_RAW, Label.class), d);
            TribuoBooster engineered = variant.equals("raw") ? null
                    : new TribuoBooster(load(source, BOOSTER, Label.class), SupervisedHead.engineeredWidth(d));
            booster = new SupervisedHead(variant, raw, engineered);
        }
        UnsupervisedStack stack = new UnsupervisedStack(new RobustScaler(state.log(), state.median(), state.scale()),
                new Mahalanobis(state.mahalanobisMean(), state.mahalanobisInverse(), state.mahalanobisWhitening()), svms,
                IsolationForest.of(state.forest(), state.forestSubsample()), state.svmQuantiles(), state.memberQuantiles(),
                state.memberWeights(), state.trainingRows(), state.whitened());
        return new TabularAnomalyDetector(state.idColumn(), state.columns(), stack, booster, state.trainingQuantiles(), state.threshold());
    }

    private static <T extends org.tribuo.Output<T>> org.tribuo.Model<T> load(ArtefactSource source, String file, Class<T> type) {
        try (InputStream in = source.open(file)) {
            return ModelFiles.load(in, source.describe() + "/" + file, type, source.regenerate());
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + source.describe() + "/" + file + " cannot be read. Regenerate it with: "
                    + source.regenerate(), e);
        }
    }

    private static void checkShapes(PipelineState s, String pipeline, String regenerate) {
        int d = s.columns() == null ? -1 : s.columns().size();
        boolean ok = d > 0 && s.log() != null && s.log().length == d && s.median() != null && s.median().length == d
                && s.scale() != null && s.scale().length == d && s.mahalanobisMean() != null && s.mahalanobisMean().length == d
                && s.mahalanobisInverse() != null && s.mahalanobisInverse().length == d
                && s.mahalanobisWhitening() != null && s.mahalanobisWhitening().length == d
                && UnsupervisedStack.MEMBERS.equals(s.members())
                && s.memberWeights() != null && s.memberWeights().length == UnsupervisedStack.COMPONENTS
                && s.memberQuantiles() != null && s.memberQuantiles().length == UnsupervisedStack.COMPONENTS
                && s.svmQuantiles() != null && s.svmQuantiles().length > 0
                && s.forest() != null && !s.forest().isEmpty() && s.forestSubsample() > 0 && s.trainingRows() > 0
                && s.trainingQuantiles() != null && s.trainingQuantiles().length > 1;
        if (!ok) {
            throw new ModelArtefactException(String.format(Locale.ROOT,
                    "Model file %s is corrupt: its arrays do not match its %d columns. Regenerate it with: %s", pipeline, d, regenerate));
        }
    }

    private static double[] quantilesOf(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] q = new double[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            q[i] = RobustScaler.quantile(sorted, i / (double) (QUANTILES - 1));
        }
        return q;
    }
}
