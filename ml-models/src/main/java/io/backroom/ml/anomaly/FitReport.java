package io.backroom.ml.anomaly;

import java.util.Map;

/**
 * What fitting a tabular anomaly model measured.
 *
 * @param supervised whether a label column was used
 * @param rows       training rows
 * @param positives  labelled anomalies (0 when unsupervised)
 * @param metrics    k-fold cross-validated metrics of the model (supervised only): {@code roc_auc},
 *                   {@code average_precision}
 * @param baselines  the same metrics of plain gradient boosting on the raw columns, same folds
 */
public record FitReport(boolean supervised, int rows, int positives, Map<String, Double> metrics,
                        Map<String, Double> baselines) {
    /** Copies the maps. */
    public FitReport {
        metrics = Map.copyOf(metrics);
        baselines = Map.copyOf(baselines);
    }
}
