package io.backroom.ml.tribuo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Training and prediction helpers for Tribuo multi-class XGBoost models over dense named features. */
public final class LabelModels {
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);

    private LabelModels() {
    }

    /** Trains a deterministic (single-thread, seeded) XGBoost classifier. */
    public static Model<Label> trainXgboost(String description, String[] names, List<double[]> rows, List<String> labels,
                                            int trees, int depth, long seed) {
        TribuoLogging.quiet();
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(new SimpleDataSourceProvenance(description, FIXED_TIME, factory), factory);
        for (int i = 0; i < rows.size(); i++) {
            data.add(new ArrayExample<>(new Label(labels.get(i)), names, rows.get(i)));
        }
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(trees, 0.15, 0.0, depth, 1.0, 0.9, 0.9, 1.0, 0.0, 1, true, seed);
        return trainer.train(data);
    }

    /** Class probabilities, sharpened or softened by a temperature (1 = as trained). */
    public static Map<String, Double> probabilities(Model<Label> model, String[] names, double[] row, double temperature) {
        return withTemperature(rawProbabilities(model, names, List.of(row)).get(0), temperature);
    }

    /** The model's class probabilities for many rows in one batch (one native call for XGBoost). */
    public static List<Map<String, Double>> rawProbabilities(Model<Label> model, String[] names, List<double[]> rows) {
        List<org.tribuo.Example<Label>> examples = new java.util.ArrayList<>(rows.size());
        for (double[] row : rows) {
            examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, row));
        }
        List<Map<String, Double>> out = new java.util.ArrayList<>(rows.size());
        for (Prediction<Label> p : model.predict(examples)) {
            Map<String, Double> probs = new LinkedHashMap<>();
            p.getOutputScores().forEach((k, v) -> probs.put(k, v.getScore()));
            out.add(probs);
        }
        return out;
    }

    /** Applies a temperature to probabilities: {@code p^(1/T)}, renormalised. */
    public static Map<String, Double> withTemperature(Map<String, Double> probabilities, double temperature) {
        Map<String, Double> out = new LinkedHashMap<>();
        double sum = 0;
        for (Map.Entry<String, Double> e : probabilities.entrySet()) {
            double v = Math.pow(Math.max(e.getValue(), 1e-12), 1.0 / temperature);
            out.put(e.getKey(), v);
            sum += v;
        }
        double total = sum;
        out.replaceAll((k, v) -> v / total);
        return out;
    }

    /** The most probable class. */
    public static Map.Entry<String, Double> best(Map<String, Double> probabilities) {
        return probabilities.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
    }
}
