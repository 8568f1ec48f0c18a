package io.backroom.ml.anomaly;

import java.util.Arrays;
import java.util.List;

/**
 * The supervised half of the tabular detector: gradient boosting on the raw columns, on the robust
 * z-scores plus the unsupervised component scores ("engineered"), or the mean of both ("blend"),
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

    static SupervisedHead fit(String variant, UnsupervisedStack stack, double[][] rows, List<Integer> labels, long seed) {
        TribuoBooster raw = variant.equals("engineered") ? null
                : TribuoBooster.fit(Arrays.asList(rows), labels, "raw columns", seed);
        TribuoBooster engineered = variant.equals("raw") ? null
                : TribuoBooster.fit(Arrays.stream(rows).map(r -> features(stack, r)).toList(), labels, "engineered features", seed);
        return new SupervisedHead(variant, raw, engineered);
    }

    /** P(anomalous) for one raw row. */
    double probability(UnsupervisedStack stack, double[] row) {
        return switch (variant) {
            case "raw" -> raw.probability(row);
            case "engineered" -> engineered.probability(features(stack, row));
            default -> (raw.probability(row) + engineered.probability(features(stack, row))) / 2;
        };
    }

    /** The engineered feature vector: robust z-scores, the standardised components and the ensemble. */
    static double[] features(UnsupervisedStack stack, double[] row) {
        double[] z = stack.z(row);
        double[] c = stack.components(z);
        double[] f = Arrays.copyOf(z, z.length + c.length + 1);
        System.arraycopy(c, 0, f, z.length, c.length);
        f[f.length - 1] = UnsupervisedStack.ensemble(c);
        return f;
    }

    static int engineeredWidth(int columns) {
        return columns + UnsupervisedStack.COMPONENTS + 1;
    }
}
