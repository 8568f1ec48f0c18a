package io.backroom.ml.anomaly;

import io.backroom.ml.tribuo.TribuoLogging;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/** Tribuo XGBoost binary classifier giving P(anomalous) for a feature vector. */
final class TribuoBooster {
    static final String POSITIVE = "1";
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
    private final Model<Label> model;
    private final String[] names;

    TribuoBooster(Model<Label> model, int features) {
        this.model = model;
        this.names = TribuoOneClass.featureNames(features);
    }

    Model<Label> model() {
        return model;
    }

    static TribuoBooster fit(List<double[]> rows, List<Integer> labels, String description, long seed) {
        TribuoLogging.quiet();
        int d = rows.get(0).length;
        String[] names = TribuoOneClass.featureNames(d);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance(description, FIXED_TIME, factory), factory);
        for (int i = 0; i < rows.size(); i++) {
            data.add(new ArrayExample<>(new Label(String.valueOf(labels.get(i))), names, rows.get(i)));
        }
        XGBoostClassificationTrainer trainer = new XGBoostClassificationTrainer(
                150, 0.1, 0.0, 4, 1.0, 0.9, 0.9, 1.0, 0.0, 1, true, seed);
        for (int attempt = 1; ; attempt++) {
            try {
                return new TribuoBooster(trainer.train(data), d);
            } catch (IllegalStateException e) {
                // xgboost4j keeps a per-matrix cache keyed by the native pointer; when a collected
                // matrix's address is reused by one of another width, training can fail with this
                // check (dmlc/xgboost#8683). Training again from scratch, same seed, gives the same model.
                if (attempt >= 3 || e.getMessage() == null || !e.getMessage().contains("Number of columns does not match")) {
                    throw e;
                }
                System.gc();
            }
        }
    }

    /** P(label = 1). */
    double probability(double[] row) {
        Prediction<Label> p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, row));
        Label positive = p.getOutputScores().get(POSITIVE);
        return positive == null ? 0.0 : positive.getScore();
    }
}
