package io.backroom.ml.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.eval.ClassificationMetrics;
import io.backroom.ml.tribuo.ArtefactSource;
import io.backroom.ml.tribuo.Digests;
import io.backroom.ml.tribuo.LabelModels;
import io.backroom.ml.tribuo.ModelArtefactException;
import io.backroom.ml.tribuo.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Root cause and recommended action for held invoices: two Tribuo XGBoost classifiers over the
 * invoice's three-way-match facts ({@link InvoiceFeatures}), with probabilities calibrated by a
 * temperature fitted on a validation split of the training data.
 */
public final class ExceptionClassifier {
    /** Model name, also its directory under {@code ml-models/models/}. */
    public static final String NAME = "exception-classifier";
    /** Model version. */
    public static final String VERSION = "1.0";
    static final String ROOT_CAUSE = "root-cause.tribuo";
    static final String ACTION = "action.tribuo";
    static final String CALIBRATION = "calibration.properties";
    private static final String[] NAMES = InvoiceFeatures.NAMES.toArray(String[]::new);
    private static final double PRICE_TOLERANCE = InvoiceFeatures.DEFAULT_PRICE_TOLERANCE;

    private final Model<Label> rootCause;
    private final Model<Label> action;
    private final double rootCauseTemperature;
    private final double actionTemperature;
    private String digest;

    private ExceptionClassifier(Model<Label> rootCause, Model<Label> action, double rootCauseTemperature, double actionTemperature) {
        this.rootCause = rootCause;
        this.action = action;
        this.rootCauseTemperature = rootCauseTemperature;
        this.actionTemperature = actionTemperature;
    }

    /** The model's input features (match facts only; the no-leakage test checks this list). */
    public static List<String> featureNames() {
        return InvoiceFeatures.NAMES;
    }

    /** A labelled example: features and the two targets. */
    record Example(String invoiceId, InvoiceFeatures.Facts facts, String rootCause, String action) {
    }

    /**
     * The invoices a three-way match would hold (any difference beyond tolerance, unknown or
     * closed PO, duplicate, blocked supplier), with their ground truth.
     */
    static List<Example> heldExamples(DatasetDir data) {
        ProcurementData procurement = ProcurementData.read(data);
        Map<String, JsonNode> labels = new LinkedHashMap<>();
        data.forEach("labels/invoice-labels", l -> labels.put(l.path("invoiceId").asText(), l));
        List<Example> out = new ArrayList<>();
        for (JsonNode inv : procurement.invoices.values()) {
            InvoiceFeatures.Facts f = InvoiceFeatures.compute(inv, procurement);
            JsonNode label = labels.get(inv.path("id").asText());
            boolean problem = label != null && !"NONE".equals(label.path("problem").asText("NONE"));
            if (problem || wouldHold(f)) {
                String cause = label == null ? "NONE" : label.path("rootCause").asText("NONE");
                String resolution = label == null ? "RELEASE" : label.path("resolution").asText("RELEASE");
                out.add(new Example(inv.path("id").asText(), f, cause, resolution));
            }
        }
        return out;
    }

    /** Whether the default match rules would hold the invoice. */
    static boolean wouldHold(InvoiceFeatures.Facts f) {
        return f.get("po_missing") > 0 || f.get("po_closed") > 0 || f.get("price_lines_over_tol") > 0
                || f.get("qty_over_received") > 1e-9 || f.get("lines_without_receipt_share") > 0
                || f.get("duplicate_same_total") > 0 && f.get("duplicate_same_number") > 0
                || f.get("freight_on_free_delivery") > 0 || f.get("freight_over_agreed") > 0
                || f.get("tax_diff") > 0.05 || f.get("supplier_blocked") > 0 || Math.abs(f.get("max_price_var")) > PRICE_TOLERANCE;
    }

    /** Trains both classifiers on a data set, deterministically for the seed. */
    public static ExceptionClassifier train(DatasetDir data, long seed) {
        return train(heldExamples(data), seed);
    }

    /**
     * Trains with reviewer feedback appended: {@code feedback} maps an invoice id to {root cause,
     * action}; these decisions replace the data set's labels for those invoices.
     */
    public static ExceptionClassifier train(DatasetDir data, long seed, Map<String, String[]> feedback) {
        List<Example> examples = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Example e : heldExamples(data)) {
            String[] f = feedback.get(e.invoiceId());
            examples.add(f == null ? e : new Example(e.invoiceId(), e.facts(), f[0], f[1]));
            seen.add(e.invoiceId());
        }
        ProcurementData procurement = ProcurementData.read(data);
        feedback.forEach((id, f) -> {
            JsonNode inv = procurement.invoices.get(id);
            if (!seen.contains(id) && inv != null) {
                examples.add(new Example(id, InvoiceFeatures.compute(inv, procurement), f[0], f[1]));
            }
        });
        return train(examples, seed);
    }

    static ExceptionClassifier train(List<Example> examples, long seed) {
        if (examples.size() < 20) {
            throw new IllegalArgumentException("only " + examples.size() + " held invoices to learn from; at least 20 are needed");
        }
        List<Example> shuffled = new ArrayList<>(examples);
        java.util.Collections.shuffle(shuffled, new Random(seed));
        int cut = (int) (shuffled.size() * 0.8);
        List<Example> fit = shuffled.subList(0, cut);
        List<Example> calibrate = shuffled.subList(cut, shuffled.size());
        Model<Label> causeProbe = train(fit, Example::rootCause, "root cause (calibration fit)", seed);
        Model<Label> actionProbe = train(fit, Example::action, "action (calibration fit)", seed);
        double tCause = fitTemperature(causeProbe, calibrate, Example::rootCause);
        double tAction = fitTemperature(actionProbe, calibrate, Example::action);
        return new ExceptionClassifier(train(examples, Example::rootCause, "root cause", seed),
                train(examples, Example::action, "recommended action", seed), tCause, tAction);
    }

    private static Model<Label> train(List<Example> examples, java.util.function.Function<Example, String> target, String what, long seed) {
        List<double[]> rows = examples.stream().map(e -> e.facts().values()).toList();
        List<String> labels = examples.stream().map(target).toList();
        return LabelModels.trainXgboost("held invoices: " + what, NAMES, rows, labels, 120, 5, seed);
    }

    /** The temperature in [0.4, 4] minimising the negative log-likelihood on the calibration split. */
    private static double fitTemperature(Model<Label> model, List<Example> calibrate, java.util.function.Function<Example, String> target) {
        if (calibrate.isEmpty()) {
            return 1.0;
        }
        double best = 1.0;
        double bestNll = Double.MAX_VALUE;
        List<Map<String, Double>> raw = LabelModels.rawProbabilities(model, NAMES, calibrate.stream().map(e -> e.facts().values()).toList());
        for (double t = 0.4; t <= 4.0001; t += 0.1) {
            double nll = 0;
            for (int i = 0; i < calibrate.size(); i++) {
                Map<String, Double> p = LabelModels.withTemperature(raw.get(i), t);
                nll -= Math.log(Math.max(1e-9, p.getOrDefault(target.apply(calibrate.get(i)), 0.0)));
            }
            if (nll < bestNll - 1e-9) {
                bestNll = nll;
                best = t;
            }
        }
        return Math.round(best * 10) / 10.0;
    }

    /** Assesses every invoice of a JSON Lines file against the procurement context of a data set. */
    public List<ExceptionAssessment> classify(DatasetDir context, Path invoicesJsonl) throws IOException {
        ProcurementData procurement = ProcurementData.read(context);
        List<JsonNode> invoices = new ArrayList<>();
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        int lineNo = 0;
        for (String line : Files.readAllLines(invoicesJsonl, StandardCharsets.UTF_8)) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode inv = json.readTree(line);
                if (!inv.hasNonNull("id") || !inv.hasNonNull("supplierId") || !inv.has("lines")) {
                    throw new IllegalArgumentException(invoicesJsonl + " line " + lineNo + ": an invoice needs id, supplierId and lines");
                }
                invoices.add(inv);
                if (!procurement.invoices.containsKey(inv.path("id").asText())) {
                    procurement.add(inv);
                }
            } catch (com.fasterxml.jackson.core.JacksonException e) {
                throw new IllegalArgumentException(invoicesJsonl + " line " + lineNo + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
            }
        }
        List<String> ids = invoices.stream().map(i -> i.path("id").asText()).toList();
        return assessAll(ids, invoices.stream().map(i -> InvoiceFeatures.compute(i, procurement)).toList());
    }

    /**
     * Assesses the invoices with these ids against {@code context} (which must hold them), in one batch; ids the
     * context does not know are skipped.
     */
    public List<ExceptionAssessment> assess(List<String> invoiceIds, MatchFacts context) {
        List<String> known = invoiceIds.stream().filter(id -> context.invoice(id) != null).toList();
        return assessAll(known, known.stream().map(id -> InvoiceFeatures.compute(context.invoice(id), context.data())).toList());
    }

    /** Assesses every held invoice of a data set. */
    public List<ExceptionAssessment> classifyHeld(DatasetDir data) {
        List<Example> held = heldExamples(data);
        return assessAll(held.stream().map(Example::invoiceId).toList(), held.stream().map(Example::facts).toList());
    }

    /** Assesses many invoices in one batch per model (the fast path: one native XGBoost call each). */
    List<ExceptionAssessment> assessAll(List<String> ids, List<InvoiceFeatures.Facts> facts) {
        List<double[]> rows = facts.stream().map(InvoiceFeatures.Facts::values).toList();
        List<Map<String, Double>> causes = LabelModels.rawProbabilities(rootCause, NAMES, rows);
        List<Map<String, Double>> actions = LabelModels.rawProbabilities(action, NAMES, rows);
        List<ExceptionAssessment> out = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            out.add(assessment(ids.get(i), facts.get(i), LabelModels.withTemperature(causes.get(i), rootCauseTemperature),
                    LabelModels.withTemperature(actions.get(i), actionTemperature)));
        }
        return out;
    }

    ExceptionAssessment assess(String invoiceId, InvoiceFeatures.Facts facts) {
        return assessAll(List.of(invoiceId), List.of(facts)).get(0);
    }

    private ExceptionAssessment assessment(String invoiceId, InvoiceFeatures.Facts facts, Map<String, Double> causeProbs,
                                           Map<String, Double> actionProbs) {
        Map.Entry<String, Double> cause = LabelModels.best(causeProbs);
        Map.Entry<String, Double> act = LabelModels.best(actionProbs);
        StringBuilder input = new StringBuilder(invoiceId);
        for (double v : facts.values()) {
            input.append(',').append(v);
        }
        return new ExceptionAssessment(invoiceId, cause.getKey(), cause.getValue(), act.getKey(), act.getValue(),
                ExceptionReasons.explain(facts), NAME + " " + VERSION, Digests.provenanceHash(digest(), input.toString()));
    }

    /** Held-out metrics: root-cause macro-F1 and accuracy, action accuracy, and the expected calibration error of each. */
    public Map<String, Double> evaluate(DatasetDir heldOut) {
        return evaluate(heldExamples(heldOut));
    }

    Map<String, Double> evaluate(List<Example> examples) {
        List<String> causeTruth = new ArrayList<>();
        List<String> causePred = new ArrayList<>();
        List<String> actionTruth = new ArrayList<>();
        List<String> actionPred = new ArrayList<>();
        List<Double> causeConf = new ArrayList<>();
        List<Double> actionConf = new ArrayList<>();
        List<Boolean> causeOk = new ArrayList<>();
        List<Boolean> actionOk = new ArrayList<>();
        List<ExceptionAssessment> assessed = assessAll(examples.stream().map(Example::invoiceId).toList(),
                examples.stream().map(Example::facts).toList());
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            ExceptionAssessment a = assessed.get(i);
            causeTruth.add(e.rootCause());
            causePred.add(a.rootCause());
            actionTruth.add(e.action());
            actionPred.add(a.action());
            causeConf.add(a.rootCauseConfidence());
            actionConf.add(a.actionConfidence());
            causeOk.add(e.rootCause().equals(a.rootCause()));
            actionOk.add(e.action().equals(a.action()));
        }
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("held_invoices", (double) examples.size());
        m.put("root_cause_macro_f1", ClassificationMetrics.macroF1(causeTruth, causePred));
        m.put("root_cause_accuracy", ClassificationMetrics.accuracy(causeTruth, causePred));
        m.put("root_cause_ece", ClassificationMetrics.expectedCalibrationError(causeConf, causeOk));
        m.put("action_accuracy", ClassificationMetrics.accuracy(actionTruth, actionPred));
        m.put("action_ece", ClassificationMetrics.expectedCalibrationError(actionConf, actionOk));
        return m;
    }

    /** Thresholds recorded in the card. */
    public Map<String, Double> thresholds() {
        return Map.of("root_cause_temperature", rootCauseTemperature, "action_temperature", actionTemperature,
                "price_tolerance", PRICE_TOLERANCE);
    }

    /** SHA-256 over both models and the calibration. */
    public synchronized String digest() {
        if (digest == null) {
            var md = Digests.sha256();
            md.update(rootCause.serialize().toByteArray());
            md.update(action.serialize().toByteArray());
            md.update(calibrationText().getBytes(StandardCharsets.UTF_8));
            digest = HexFormat.of().formatHex(md.digest());
        }
        return digest;
    }

    private String calibrationText() {
        return String.format(Locale.ROOT, "rootCauseTemperature=%.1f%nactionTemperature=%.1f%n", rootCauseTemperature, actionTemperature);
    }

    /** Saves both Tribuo models and the calibration into a directory. */
    public void save(Path dir) throws IOException {
        ModelFiles.save(rootCause, dir.resolve(ROOT_CAUSE));
        ModelFiles.save(action, dir.resolve(ACTION));
        Files.writeString(dir.resolve(CALIBRATION), calibrationText());
    }

    /** Loads a saved classifier. */
    public static ExceptionClassifier load(ArtefactSource source) {
        java.util.Properties p = new java.util.Properties();
        try (InputStream in = source.open(CALIBRATION)) {
            p.load(in);
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + source.describe() + "/" + CALIBRATION + " cannot be read. Regenerate it with: "
                    + source.regenerate(), e);
        }
        double tc;
        double ta;
        try {
            tc = Double.parseDouble(p.getProperty("rootCauseTemperature"));
            ta = Double.parseDouble(p.getProperty("actionTemperature"));
        } catch (NullPointerException | NumberFormatException e) {
            throw new ModelArtefactException("Model file " + source.describe() + "/" + CALIBRATION + " is corrupt. Regenerate it with: "
                    + source.regenerate(), e);
        }
        return new ExceptionClassifier(loadModel(source, ROOT_CAUSE), loadModel(source, ACTION), tc, ta);
    }

    private static Model<Label> loadModel(ArtefactSource source, String file) {
        try (InputStream in = source.open(file)) {
            return ModelFiles.load(in, source.describe() + "/" + file, Label.class, source.regenerate());
        } catch (IOException e) {
            throw new ModelArtefactException("Model file " + source.describe() + "/" + file + " cannot be read. Regenerate it with: "
                    + source.regenerate(), e);
        }
    }
}
