package io.backroom.ml.anomaly;

import java.util.List;

/**
 * The non-Tribuo half of a saved tabular anomaly model ({@code pipeline.json}): the mode
 * ({@code unsupervised} or the supervised variant {@code raw}, {@code engineered}, {@code blend}), column order,
 * scaling, the Mahalanobis centre and inverse covariance, the ensemble's members, their weights and
 * training-score quantiles (the bagged SVMs' too), the isolation forest's trees, the training score
 * quantiles used for percentiles, and the threshold. The SVMs are the {@code oneclass-N.tribuo} files.
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
        List<String> members,
        double[] memberWeights,
        double[][] memberQuantiles,
        double[][] svmQuantiles,
        int forestSubsample,
        List<IsolationForest.FlatTree> forest,
        int trainingRows,
        boolean whitened,
        double[] trainingQuantiles,
        double threshold) {
    static final String FORMAT = "backroom-tabular-anomaly/2";
}
