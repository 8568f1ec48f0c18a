package io.backroom.ml.anomaly;

import java.util.Arrays;

/**
 * The label-free part of the tabular detector: robust scaling, whitening on the bulk's principal
 * directions, then four detectors whose scores are each standardised on the training rows (median
 * to 0, 99th percentile to 1) and combined by {@link #ensemble}: Tribuo's one-class SVM on the
 * whitened rows (local density), the robust Mahalanobis distance (joint patterns), the largest whitened
 * coordinate (one broken relationship between columns) and the largest robust |z| (one extreme
 * column).
 */
final class UnsupervisedStack {
    static final int COMPONENTS = 4;
    static final double Z_CLIP = 30.0;

    final RobustScaler scaler;
    final Mahalanobis mahalanobis;
    final TribuoOneClass oneClass;
    final double[] centre;
    final double[] spread;

    UnsupervisedStack(RobustScaler scaler, Mahalanobis mahalanobis, TribuoOneClass oneClass, double[] centre, double[] spread) {
        this.scaler = scaler;
        this.mahalanobis = mahalanobis;
        this.oneClass = oneClass;
        this.centre = centre;
        this.spread = spread;
    }

    static UnsupervisedStack fit(double[][] rows, String description, long seed) {
        RobustScaler scaler = RobustScaler.fit(rows);
        double[][] z = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            z[i] = clip(scaler.transform(rows[i]));
        }
        Mahalanobis mahalanobis = Mahalanobis.fit(z);
        double[][] white = new double[z.length][];
        for (int i = 0; i < z.length; i++) {
            white[i] = mahalanobis.whiten(z[i]);
        }
        TribuoOneClass oneClass = TribuoOneClass.fit(white, description, seed);
        double[][] raw = new double[COMPONENTS][rows.length];
        for (int i = 0; i < rows.length; i++) {
            double[] c = rawComponents(z[i], mahalanobis, oneClass);
            for (int k = 0; k < COMPONENTS; k++) {
                raw[k][i] = c[k];
            }
        }
        double[] centre = new double[COMPONENTS];
        double[] spread = new double[COMPONENTS];
        for (int k = 0; k < COMPONENTS; k++) {
            double[] sorted = raw[k].clone();
            Arrays.sort(sorted);
            centre[k] = RobustScaler.quantile(sorted, 0.5);
            double s = RobustScaler.quantile(sorted, 0.99) - centre[k];
            spread[k] = s > 1e-9 ? s : 1.0;
        }
        return new UnsupervisedStack(scaler, mahalanobis, oneClass, centre, spread);
    }

    double[] z(double[] row) {
        return clip(scaler.transform(row));
    }

    /** The standardised component scores of one row's z-scores. */
    double[] components(double[] z) {
        double[] c = rawComponents(z, mahalanobis, oneClass);
        for (int k = 0; k < COMPONENTS; k++) {
            c[k] = (c[k] - centre[k]) / spread[k];
        }
        return c;
    }

    /**
     * The ensemble score: the one-class SVM's standardised score, plus how far the strongest of
     * the other detectors goes beyond its own training 99th percentile. The RBF one-class SVM ranks
     * the bulk and the near tail best but saturates far away; the distance detectors keep ordering
     * the rows there without adding their noise inside the normal range.
     */
    static double ensemble(double[] components) {
        double excess = 0;
        for (int k = 1; k < components.length; k++) {
            excess = Math.max(excess, components[k] - 1);
        }
        return components[0] + excess;
    }

    private static double[] rawComponents(double[] z, Mahalanobis mahalanobis, TribuoOneClass oneClass) {
        double[] white = mahalanobis.whiten(z);
        return new double[] {oneClass.score(white), mahalanobis.distance(z), maxAbs(white), maxAbs(z)};
    }

    private static double maxAbs(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    private static double[] clip(double[] z) {
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.max(-Z_CLIP, Math.min(Z_CLIP, z[i]));
        }
        return z;
    }
}
