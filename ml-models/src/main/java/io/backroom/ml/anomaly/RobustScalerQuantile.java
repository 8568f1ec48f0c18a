package io.backroom.ml.anomaly;

/** Lookups in a table of evenly spaced quantiles (q[0] = min ... q[n-1] = max). */
final class RobustScalerQuantile {
    private RobustScalerQuantile() {
    }

    /** The value at probability p. */
    static double at(double[] q, double p) {
        return RobustScaler.quantile(q, p);
    }

    /** The share of the reference distribution below the value, interpolated, in [0, 1]. */
    static double rank(double[] q, double value) {
        if (value <= q[0]) {
            return 0;
        }
        if (value >= q[q.length - 1]) {
            return 1;
        }
        int lo = 0;
        int hi = q.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (q[mid] <= value) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double span = q[hi] - q[lo];
        double within = span <= 0 ? 0 : (value - q[lo]) / span;
        return (lo + within) / (q.length - 1);
    }
}
