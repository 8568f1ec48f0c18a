package io.backroom.ml.training;

import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.documents.GlCategoryModel;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.pos.ShiftAnomalyModel;
import io.backroom.ml.priority.Prioritizer;
import io.backroom.ml.tribuo.ModelCard;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tribuo.Tribuo;

/**
 * Trains every data-set model (shift anomaly, exception classifier, prioritiser) from a data-set
 * folder, evaluates each on a held-out data set generated with a different seed, and writes the
 * artefacts and model cards under {@code <out>/<model name>/}.
 */
public final class TrainingPipeline {
    static final String PROCUREMENT = "procurement files: suppliers, purchase-orders, goods-receipts, invoices";
    private final PrintStream log;

    /** A pipeline that reports progress on {@code log}. */
    public TrainingPipeline(PrintStream log) {
        this.log = log;
    }

    /** Which models to build. */
    public static final List<String> MODELS = List.of(ShiftAnomalyModel.NAME, ExceptionClassifier.NAME, Prioritizer.NAME, GlCategoryModel.NAME);

    /** Trains all models on {@code data}, evaluates them on {@code heldOut}, writes artefacts and cards. */
    public Map<String, Map<String, Double>> train(DatasetDir data, DatasetDir heldOut, Path out, long seed) throws IOException {
        return train(data, heldOut, out, seed, MODELS);
    }

    /** Trains only the named models (names from {@link #MODELS}); the others' artefacts under {@code out} are left as they are. */
    public Map<String, Map<String, Double>> train(DatasetDir data, DatasetDir heldOut, Path out, long seed, List<String> only)
            throws IOException {
        Map<String, Map<String, Double>> all = new LinkedHashMap<>();
        if (only.contains(ShiftAnomalyModel.NAME)) {
            all.put(ShiftAnomalyModel.NAME, trainShift(data, heldOut, out.resolve(ShiftAnomalyModel.NAME), seed));
        }
        if (only.contains(ExceptionClassifier.NAME)) {
            all.put(ExceptionClassifier.NAME, trainExceptions(data, heldOut, out.resolve(ExceptionClassifier.NAME), seed));
        }
        if (only.contains(Prioritizer.NAME)) {
            all.put(Prioritizer.NAME, trainPrioritizer(data, heldOut, out.resolve(Prioritizer.NAME), seed));
        }
        if (only.contains(GlCategoryModel.NAME)) {
            all.put(GlCategoryModel.NAME, trainGl(data, heldOut, out.resolve(GlCategoryModel.NAME), seed));
        }
        return all;
    }

    Map<String, Double> trainShift(DatasetDir data, DatasetDir heldOut, Path dir, long seed) throws IOException {
        return saveShift(ShiftAnomalyModel.train(data, seed, null), data, heldOut, dir, seed, System.nanoTime());
    }

    Map<String, Double> saveShift(ShiftAnomalyModel model, DatasetDir data, DatasetDir heldOut, Path dir, long seed, long start)
            throws IOException {
        model.save(dir);
        Map<String, Double> m = model.evaluate(heldOut);
        log.printf("%s trained in %.1f s: %s%n", ShiftAnomalyModel.NAME, (System.nanoTime() - start) / 1e9, m);
        Map<String, Double> metrics = pick(m, k -> !k.startsWith("baseline_z_"));
        Map<String, Double> baselines = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (k.startsWith("baseline_z_")) {
                baselines.put(k.substring("baseline_z_".length()), v);
            }
        });
        new ModelCard(ShiftAnomalyModel.NAME, ShiftAnomalyModel.VERSION,
                "how unusual a cashier shift is, from its POS journal, against the same store's shifts and the same hour band",
                "peer-normalised shift rates; robust whitening + Tribuo libsvm one-class SVM (RBF) ensemble with Mahalanobis and max-z detectors",
                "Loss-prevention analysts choosing which shifts to review first. A high score is a reason to look, never proof; "
                        + "benign causes (new cashier, holiday returns, promotions, price matching) also score high.",
                List.of("Trained without labels: it finds the unusual, not the dishonest; the supervised path needs reviewers' dispositions.",
                        "Stores with fewer than 8 training shifts are compared with all stores.",
                        "Synthetic training data: re-train on the retailer's own journals before relying on it."),
                ShiftAnomalyModel.featureNames(), seed, shiftCount(data), data.fingerprint("cashier-shifts", "pos-transactions"),
                heldOutText(heldOut) + " Baseline: the largest per-feature z-score of the raw shift rates.",
                metrics, baselines, Map.of("flag_percentile", 0.99), CardFacts.artefactDigests(dir), Tribuo.VERSION,
                "Tribuo LibSVMAnomalyTrainer(ONE_CLASS, RBF, gamma = 1/(2d), nu = 0.05, seed = " + seed + ")",
                ReferencePredictions.shiftAnomaly(model, data)).writeTo(dir);
        return m;
    }

    Map<String, Double> trainExceptions(DatasetDir data, DatasetDir heldOut, Path dir, long seed) throws IOException {
        return saveExceptions(ExceptionClassifier.train(data, seed), data, heldOut, dir, seed, System.nanoTime());
    }

    Map<String, Double> saveExceptions(ExceptionClassifier model, DatasetDir data, DatasetDir heldOut, Path dir, long seed, long start)
            throws IOException {
        model.save(dir);
        Map<String, Double> m = model.evaluate(heldOut);
        log.printf("%s trained in %.1f s: %s%n", ExceptionClassifier.NAME, (System.nanoTime() - start) / 1e9, m);
        new ModelCard(ExceptionClassifier.NAME, ExceptionClassifier.VERSION,
                "root cause and recommended action (release, request credit memo, route to buyer, reject, wait for receipt) of a held invoice",
                "two Tribuo XGBoost classifiers (120 trees, depth 5) over three-way-match facts; temperature-scaled probabilities",
                "AP clerks triaging held invoices: the suggestion and its confidence come with the facts behind it; the clerk decides.",
                List.of("Learns the tolerance rules of the training data; a retailer with other tolerances must retrain.",
                        "Root causes that need knowledge outside the documents are guesses: whether off-PO freight was agreed with the buyer "
                                + "(and so release vs credit memo) is not in any document, and in the synthetic data it is drawn at random.",
                        "Synthetic training data."),
                ExceptionClassifier.featureNames(), seed, (int) data.manifest().path("counts").path("invoices").asDouble(0),
                data.fingerprint("suppliers", "purchase-orders", "goods-receipts", "invoices", "labels/invoice-labels"),
                heldOutText(heldOut), m, Map.of(), model.thresholds(), CardFacts.artefactDigests(dir), Tribuo.VERSION,
                "Tribuo XGBoostClassificationTrainer(trees = 120, eta = 0.15, depth = 5, subsample = 0.9, threads = 1, seed = " + seed + ")",
                ReferencePredictions.exceptionClassifier(model, data)).writeTo(dir);
        return m;
    }

    Map<String, Double> trainPrioritizer(DatasetDir data, DatasetDir heldOut, Path dir, long seed) throws IOException {
        long start = System.nanoTime();
        Prioritizer model = Prioritizer.train(data, seed);
        model.save(dir);
        Map<String, Double> m = model.evaluate(heldOut);
        log.printf("%s trained in %.1f s: %s%n", Prioritizer.NAME, (System.nanoTime() - start) / 1e9, m);
        Map<String, Double> metrics = pick(m, k -> !k.startsWith("fifo_") && !k.startsWith("largest_"));
        Map<String, Double> baselines = new LinkedHashMap<>();
        baselines.put("fifo_recoverable_share_top20", m.get("fifo_recoverable_share_top20"));
        baselines.put("largest_first_recoverable_share_top20", m.get("largest_first_recoverable_share_top20"));
        baselines.put("fifo_oracle_value_share_top20", m.get("fifo_oracle_value_share_top20"));
        baselines.put("largest_first_oracle_value_share_top20", m.get("largest_first_oracle_value_share_top20"));
        new ModelCard(Prioritizer.NAME, Prioritizer.VERSION,
                "the expected value of acting now on a held invoice, to order the exception queue",
                "Tribuo XGBoost regression of P(acting recovers money) from the resolved history, blended with discount, due date, SLA age "
                        + "and supplier criticality (formula in ml-models/README.md)",
                "Ordering the AP exception queue so the money that can be saved is handled first; every score shows its parts.",
                List.of("The learned part imitates past decisions, including their mistakes.",
                        "Urgency terms use the data set's as-of date (or the console's clock) as today."),
                Prioritizer.featureNames(), seed, (int) data.manifest().path("counts").path("exception-history").asDouble(0),
                data.fingerprint("exception-history", "invoices", "purchase-orders", "goods-receipts", "suppliers"),
                heldOutText(heldOut) + " Value = money at risk of items whose correct resolution recovers money (credit memo or reject);"
                        + " oracle value share = that money weighted by the payment deadline (QueueValue), captured in the first 20 %"
                        + " of the queue, over what the order by that value (knowing the answers) captures.",
                metrics, baselines, Map.of("sla_days", 5.0), CardFacts.artefactDigests(dir), Tribuo.VERSION,
                "Tribuo XGBoostRegressionTrainer(LINEAR, trees = 100, eta = 0.15, depth = 4, threads = 1, seed = " + seed + ")",
                ReferencePredictions.prioritizer(model, data)).writeTo(dir);
        return m;
    }

    Map<String, Double> trainGl(DatasetDir data, DatasetDir heldOut, Path dir, long seed) throws IOException {
        GlCategoryModel model = GlCategoryModel.train(data);
        model.save(dir);
        Map<String, Double> m = new LinkedHashMap<>(model.evaluate(heldOut));
        if (heldOut.has("labels/document-labels")) {
            m.putAll(pick(io.backroom.ml.documents.DocumentEvaluation.evaluate(new io.backroom.ml.documents.DocumentReader(model), heldOut, null),
                    k -> k.equals("gl_pdf_accuracy") || k.equals("gl_pdfs")));
        }
        log.printf("%s: %s%n", GlCategoryModel.NAME, m);
        new ModelCard(GlCategoryModel.NAME, "1.0", "GL category of a non-PO expense invoice, from its words",
                "Tribuo LogisticRegressionTrainer (SGD, default settings) over a bag of folded words",
                "Pre-coding non-PO expense invoices read by the document reader; the clerk confirms the account.",
                List.of("Trained on English expense descriptions and supplier names; words in other languages count only if seen.",
                        "Eight categories of the synthetic retailer; a retailer's chart of accounts needs its own training."),
                List.of("bag of words of the description / document text"), seed,
                (int) data.manifest().path("counts").path("expense-invoices").asDouble(0), data.fingerprint("expense-invoices", "suppliers"),
                heldOutText(heldOut), m, Map.of(), Map.of(), CardFacts.artefactDigests(dir), Tribuo.VERSION,
                "Tribuo LogisticRegressionTrainer()", io.backroom.ml.tribuo.Digests.sha256Hex(m.toString())).writeTo(dir);
        return m;
    }

    private static int shiftCount(DatasetDir data) {
        return (int) data.manifest().path("counts").path("cashier-shifts").asDouble(0);
    }

    private static String heldOutText(DatasetDir heldOut) {
        return "Held-out data set generated with seed " + heldOut.manifest().path("seed").asText("?") + " (preset "
                + heldOut.manifest().path("preset").asText("?") + "), never seen in training.";
    }

    private static Map<String, Double> pick(Map<String, Double> m, Function<String, Boolean> keep) {
        Map<String, Double> out = new LinkedHashMap<>();
        m.forEach((k, v) -> {
            if (keep.apply(k) && !Double.isNaN(v)) {
                out.put(k, v);
            }
        });
        return out;
    }
}
