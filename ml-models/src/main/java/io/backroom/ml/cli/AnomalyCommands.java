package io.backroom.ml.cli;

import io.backroom.ml.anomaly.AnomalyScore;
import io.backroom.ml.anomaly.FitReport;
import io.backroom.ml.anomaly.TabularAnomalyDetector;
import io.backroom.ml.explain.Reason;
import io.backroom.ml.table.CsvTableReader;
import io.backroom.ml.table.NumericTable;
import io.backroom.ml.training.CardFacts;
import io.backroom.ml.tribuo.Digests;
import io.backroom.ml.tribuo.ModelCard;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tribuo.Tribuo;

/** {@code anomaly fit} and {@code anomaly score}: the generic path over any numeric CSV table. */
final class AnomalyCommands {
    private static final int FOLDS = 5;

    private AnomalyCommands() {
    }

    static int fit(List<String> args, PrintStream out) throws IOException {
        CliArgs a = new CliArgs(args, Set.of("csv", "id", "ignore", "label", "out", "seed"));
        Path csv = Path.of(a.required("csv"));
        String id = a.required("id");
        String label = a.optional("label", null);
        Path outDir = Path.of(a.required("out"));
        long seed = Long.parseLong(a.optional("seed", "42"));
        NumericTable table = new CsvTableReader().read(csv, CsvTableReader.Spec.of(id, a.all("ignore"), label));
        TabularAnomalyDetector.Fitted fitted = TabularAnomalyDetector.fit(table, id, seed, FOLDS);
        fitted.detector().save(outDir);
        card(table, fitted, csv, seed, outDir).writeTo(outDir);
        FitReport r = fitted.report();
        out.printf(Locale.ROOT, "fitted %s model on %d rows x %d columns -> %s%n",
                r.supervised() ? "supervised" : "unsupervised", r.rows(), table.columns().size(), outDir);
        if (r.supervised()) {
            out.printf(Locale.ROOT, "nested %d-fold cross-validation (variant chosen inside each fold): ROC-AUC %.4f, "
                            + "average precision %.4f (logistic regression baseline, same folds: ROC-AUC %.4f, average precision %.4f)%n",
                    FOLDS, r.metrics().get("nested_cv_roc_auc"), r.metrics().get("nested_cv_average_precision"),
                    r.baselines().get("nested_cv_roc_auc"), r.baselines().get("nested_cv_average_precision"));
        } else {
            out.printf(Locale.ROOT, "no labels, so no held-out metrics; members and weights: %s; rank agreement with a refit "
                    + "on another seed: %.4f%n", fitted.detector().members(), r.metrics().get("seed_stability_spearman"));
        }
        return 0;
    }

    static int score(List<String> args, PrintStream out) throws IOException {
        CliArgs a = new CliArgs(args, Set.of("model", "csv", "out"));
        Path modelDir = Path.of(a.required("model"));
        Path csv = Path.of(a.required("csv"));
        Path outFile = Path.of(a.required("out"));
        TabularAnomalyDetector detector = TabularAnomalyDetector.load(modelDir);
        NumericTable table = new CsvTableReader().read(csv,
                new CsvTableReader.Spec(detector.idColumn(), Set.of(), null, detector.columns()));
        List<AnomalyScore> scores = detector.score(table);
        writeScores(scores, outFile);
        long flagged = scores.stream().filter(AnomalyScore::flagged).count();
        out.printf(Locale.ROOT, "scored %d rows, %d flagged -> %s%n", scores.size(), flagged, outFile);
        return 0;
    }

    static void writeScores(List<AnomalyScore> scores, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,score,percentile,flagged,reason_1,reason_2,reason_3,model,provenance_hash\n");
            for (AnomalyScore s : scores) {
                List<String> fields = new ArrayList<>();
                fields.add(s.id());
                fields.add(String.format(Locale.ROOT, "%.6f", s.score()));
                fields.add(String.format(Locale.ROOT, "%.4f", s.percentile()));
                fields.add(Boolean.toString(s.flagged()));
                for (int i = 0; i < 3; i++) {
                    fields.add(i < s.reasons().size() ? s.reasons().get(i).text() : "");
                }
                fields.add(s.model());
                fields.add(s.provenanceHash());
                w.write(CsvOut.line(fields));
            }
        }
    }

    private static ModelCard card(NumericTable table, TabularAnomalyDetector.Fitted fitted, Path csv, long seed, Path outDir)
            throws IOException {
        FitReport r = fitted.report();
        String heldOut = r.supervised()
                ? "Nested stratified cross-validation on the training table: " + FOLDS + " outer folds; inside each, the variant "
                    + "(raw columns, engineered features or their blend) is chosen by a 3-fold cross-validation of the outer training "
                    + "rows only, then scored on the outer fold (pooled). Baseline: Tribuo logistic regression on the robust z-scores, "
                    + "same outer folds. outer_folds_choosing_* count the variant each outer fold chose."
                : "Unsupervised: no labels, so no held-out ranking metrics. The metrics are the ensemble's members' weights "
                    + "(their rank agreement with the other members, chosen without labels) and seed_stability_spearman, the rank "
                    + "correlation of the training scores with a refit on seed + 1. Flag threshold: the training 99th percentile.";
        return new ModelCard(TabularAnomalyDetector.NAME, TabularAnomalyDetector.VERSION,
                r.supervised() ? "P(row is anomalous) learned from the label column" : "how unusual a row is among the training rows",
                r.supervised() ? "Tribuo XGBoost (raw columns and/or robust z-scores + unsupervised member scores)"
                        : "robust scaling (log where it reduces skew, median / MAD-IQR); a rank-averaged ensemble of a bagged Tribuo "
                            + "libsvm one-class SVM (RBF), an isolation forest, the robust Mahalanobis distance and the largest robust |z|, "
                            + "each member weighted by its rank agreement with the others",
                "Loss-prevention analysts scoring their own exports (one row per shift, transaction, store-day...) to "
                        + "choose what to review first. A score is a prompt for review, never proof of wrongdoing.",
                List.of("Columns must be numeric; text columns must be ignored with --ignore.",
                        "Scores are relative to the training table: refit when the business changes (new stores, prices).",
                        "Unsupervised scores find the unusual, which is not always the fraudulent."),
                table.columns(), seed, table.size(), Digests.sha256Hex(Files.readAllBytes(csv)), heldOut,
                r.metrics(), r.baselines(), Map.of("flag_score", fitted.detector().threshold()),
                CardFacts.artefactDigests(outDir), Tribuo.VERSION, "see the Tribuo provenance inside the .tribuo files",
                Digests.sha256Hex(java.util.Arrays.toString(fitted.detector().rawScores(table.values()))));
    }
}
