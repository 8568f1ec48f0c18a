package io.backroom.ml.training;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.pos.ShiftAnomalyModel;
import io.backroom.ml.table.CsvFormatException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feedback loop: reviewers' decisions (shift dispositions, invoice resolutions) are appended as
 * labelled examples, a challenger is trained, and it replaces the current model only if it is not
 * worse on a fixed held-out data set. The comparison is written next to the model card
 * ({@code comparison.json} and {@code comparison.md}) whether or not the challenger is promoted.
 */
public final class Retrainer {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    private final PrintStream log;

    /** A retrainer reporting on {@code log}. */
    public Retrainer(PrintStream log) {
        this.log = log;
    }

    /** Retrains one model; returns whether the challenger was promoted. */
    public boolean retrain(String model, DatasetDir data, DatasetDir heldOut, Path feedback, Path modelsDir, long seed) throws IOException {
        BackroomModels current = BackroomModels.fromDirectory(modelsDir);
        Path dir = modelsDir.resolve(model);
        List<String[]> rows = readFeedback(feedback, model);
        TrainingPipeline pipeline = new TrainingPipeline(log);
        Map<String, Double> before;
        Map<String, Double> after;
        String metric;
        Runnable promote;
        switch (model) {
            case ShiftAnomalyModel.NAME -> {
                Map<String, Integer> dispositions = new LinkedHashMap<>();
                rows.forEach(r -> dispositions.put(r[0], parseFraud(r[1])));
                before = current.shiftAnomaly().evaluate(heldOut);
                ShiftAnomalyModel challenger = ShiftAnomalyModel.train(data, seed, dispositions);
                after = challenger.evaluate(heldOut);
                metric = "average_precision";
                promote = () -> io(() -> pipeline.saveShift(challenger, data, heldOut, dir, seed, System.nanoTime()));
            }
            case ExceptionClassifier.NAME -> {
                Map<String, String[]> decisions = new LinkedHashMap<>();
                rows.forEach(r -> decisions.put(r[0], new String[] {r[1], r[2]}));
                before = current.exceptionClassifier().evaluate(heldOut);
                ExceptionClassifier challenger = ExceptionClassifier.train(data, seed, decisions);
                after = challenger.evaluate(heldOut);
                metric = "root_cause_macro_f1";
                promote = () -> io(() -> pipeline.saveExceptions(challenger, data, heldOut, dir, seed, System.nanoTime()));
            }
            default -> throw new IllegalArgumentException("retrain supports " + ShiftAnomalyModel.NAME + " and " + ExceptionClassifier.NAME
                    + ", not '" + model + "'");
        }
        boolean promoted = after.get(metric) >= before.get(metric);
        if (promoted) {
            promote.run();
        }
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("model", model);
        comparison.put("feedbackRows", rows.size());
        comparison.put("decisionMetric", metric);
        comparison.put("current", before);
        comparison.put("challenger", after);
        comparison.put("promoted", promoted);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("comparison.json"), JSON.writeValueAsString(comparison) + "\n");
        StringBuilder md = new StringBuilder("# Retrain comparison: " + model + "\n\n");
        md.append(String.format(Locale.ROOT, "%d feedback rows; decision metric `%s`; challenger %s.%n%n| metric | current | challenger |%n|---|---|---|%n",
                rows.size(), metric, promoted ? "**promoted** (not worse)" : "**rejected** (worse than current)"));
        before.forEach((k, v) -> md.append(String.format(Locale.ROOT, "| %s | %.4f | %.4f |%n", k, v, after.getOrDefault(k, Double.NaN))));
        Files.writeString(dir.resolve("comparison.md"), md.toString());
        log.printf(Locale.ROOT, "%s: current %s %.4f, challenger %.4f -> %s%n", model, metric, before.get(metric), after.get(metric),
                promoted ? "promoted" : "kept current");
        return promoted;
    }

    private static List<String[]> readFeedback(Path file, String model) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int width = model.equals(ShiftAnomalyModel.NAME) ? 2 : 3;
        List<String[]> rows = new java.util.ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split(",", -1);
            if (f.length != width) {
                throw new CsvFormatException(file + ": row " + (i + 1) + " has " + f.length + " fields, expected " + width
                        + (width == 2 ? " (shift_id,fraud)" : " (invoice_id,root_cause,action)"));
            }
            for (int c = 0; c < f.length; c++) {
                f[c] = f[c].trim();
            }
            rows.add(f);
        }
        return rows;
    }

    private static int parseFraud(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "fraud", "yes" -> 1;
            case "0", "false", "honest", "no", "benign" -> 0;
            default -> throw new CsvFormatException("fraud disposition '" + v + "' is not 1/0, true/false, fraud/honest");
        };
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void io(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
