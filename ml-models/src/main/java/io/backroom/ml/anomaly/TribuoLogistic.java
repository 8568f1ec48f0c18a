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
import org.tribuo.classification.sgd.linear.LogisticRegressionTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Tribuo logistic regression (SGD, default settings) on robust z-scores: the supervised path's
 * baseline, deliberately not the product's own candidate.
 */
final class TribuoLogistic {
    private static final OffsetDateTime FIXED_TIME = OffsetDateTime.ofInstant(Instant.EPOCH, ZoneOffset.UTC);
    private final Model<Label> model;
    private final String[] names;

    private TribuoLogistic(Model<Label> model, int features) {
        this.model = model;
        this.names = TribuoOneClass.featureNames(features);
    }

    static TribuoLogistic fit(List<double[]> rows, List<Integer> labels) {
        TribuoLogging.quiet();
        int d = rows.get(0).length;
        String[] names = TribuoOneClass.featureNames(d);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> data = new MutableDataset<>(
                new SimpleDataSourceProvenance("logistic baseline", FIXED_TIME, factory), factory);
        for (int i = 0; i < rows.size(); i++) {
            data.add(new ArrayExample<>(new Label(String.valueOf(labels.get(i))), names, rows.get(i)));
        }
        return new TribuoLogistic(new LogisticRegressionTrainer().train(data), d);
    }

    /** P(label = 1). */
    double probability(double[] row) {
        Prediction<Label> p = model.predict(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, row));
        Label positive = p.getOutputScores().get(TribuoBooster.POSITIVE);
        return positive == null ? 0.0 : positive.getScore();
    }
}
