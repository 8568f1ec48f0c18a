package io.backroom.ml.anomaly;

import java.util.Arrays;
import java.util.List;

/**
 * The supervised half of the tabular detector: gradient boosting on the raw columns, on the robust
 * z-scores plus the unsupervised members' ranks ("engineered"), or the mean of both ("blend"),
 * whichever had the best cross-validated average precision.
 */
final class SupervisedHead {
    /** The variants, in order of preference on ties (simplest first). */
    static final List<String> VARIANTS = List.of("raw", "engineered", "blend");

    final String variant;
    final TribuoBooster raw;
    final TribuoBooster engineered;

    SupervisedHead(String variant, TribuoBooster raw, TribuoBooster engineered) {
        this.variant = variant;
        this.raw = raw;
        this.engineered = engineered;
    }

    /** Fits on raw rows and their engineered features computed beforehand (cross-validation computes them once). */
    static SupervisedHead fit(String variant, double[][] rows, double[][] features, List<Integer> labels, long seed) {
        TribuoBooster raw = variant.equals("engineered") ? null
                : TribuoBooster.fit(Arrays.asList(rows), labels, "raw columns", seed);
        TribuoBooster engineered = variant.equals("raw") ? null
                : TribuoBooster.fit(Arrays.asList(features), labels, "engineered features", seed);
        return new SupervisedHead(variant, raw, engineered);
    }

    /** P(anomalous) from a raw row and its engineered features computed beforehand. */
    double probability(double[] row, double[] features) {
        return switch (variant) {
            case "raw" -> raw.probability(row);
            case "engineered" -> engineered.probability(features);
            default -> (raw.probability(row) + engineered.probability(features)) / 2;
        };
    }

    /** P(anomalous) for one raw row. */
    double probability(UnsupervisedStack stack, double[] row) {
        return switch (variant) {
            case "raw" -> raw.probability(row);
            case "engineered" -> engineered.probability(features(stack, row));
            default -> (raw.probability(row) + engineered.probability(features(stack, row))) / 2;
        };
    }

    /** The engineered feature vector: robust z-scores, the members' training ranks and the ensemble. */
    static double[] features(UnsupervisedStack stack, double[] row) {
        double[] z = stack.z(row);
        double[] c = stack.normalised(z);
        double[] f = Arrays.copyOf(z, z.length + c.length + 1);
        System.arraycopy(c, 0, f, z.length, c.length);
        f[f.length - 1] = stack.ensemble(c);
        return f;
    }

    static int engineeredWidth(int columns) {
        return columns + UnsupervisedStack.COMPONENTS + 1;
    }
}
