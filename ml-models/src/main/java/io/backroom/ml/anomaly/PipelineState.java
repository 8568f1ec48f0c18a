package io.backroom.ml.anomaly;

import java.util.List;

/**
 * The non-Tribuo half of a saved tabular anomaly model ({@code pipeline.json}): the mode
 * ({@code unsupervised} or the supervised variant {@code raw}, {@code engineered}, {@code blend}), column order,
 * scaling, the Mahalanobis centre and inverse covariance, component standardisation, the training
 * score quantiles used for percentiles, and the threshold.
 */
record PipelineState(
        String format,
        String name,
        String version,
        String idColumn,
        List<String> columns,
        String mode,
        boolean[] log,
        double[] median,
        double[] scale,
        double[] mahalanobisMean,
        double[][] mahalanobisInverse,
        double[][] mahalanobisWhitening,
        double[] componentCentre,
        double[] componentSpread,
        double[] trainingQuantiles,
        double threshold) {
    static final String FORMAT = "backroom-tabular-anomaly/1";
}
