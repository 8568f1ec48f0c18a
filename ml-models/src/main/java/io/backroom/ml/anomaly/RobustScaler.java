package io.backroom.ml.anomaly;

import java.util.Arrays;

/**
 * Per-column robust standardisation: an optional {@code log1p} for skewed non-negative columns
 * (chosen when it makes the column's quantile skew smaller), then {@code (x - median) / scale} with
 * the scale from the MAD, falling back to the IQR, then the standard deviation, then 1.
 *
 * @param log    whether each column is log-transformed first
 * @param median the median of each (transformed) column
 * @param scale  the robust scale of each (transformed) column
 */
record RobustScaler(boolean[] log, double[] median, double[] scale) {

    static RobustScaler fit(double[][] rows) {
        int d = rows[0].length;
        boolean[] log = new boolean[d];
        double[] median = new double[d];
        double[] scale = new double[d];
        for (int c = 0; c < d; c++) {
            double[] column = new double[rows.length];
            for (int r = 0; r < rows.length; r++) {
                column[r] = rows[r][c];
            }
            Arrays.sort(column);
            boolean nonNegative = column[0] >= 0;
            if (nonNegative) {
                double[] logged = new double[column.length];
                for (int r = 0; r < column.length; r++) {
                    logged[r] = Math.log1p(column[r]);
                }
                log[c] = Math.abs(quantileSkew(logged)) + 0.05 < Math.abs(quantileSkew(column));
                if (log[c]) {
                    column = logged;
                }
            }
            median[c] = quantile(column, 0.5);
            scale[c] = robustScale(column, median[c]);
        }
        return new RobustScaler(log, median, scale);
    }

    /** The robust z-scores of one raw row. */
    double[] transform(double[] row) {
        double[] z = new double[row.length];
        for (int c = 0; c < row.length; c++) {
            double v = log[c] ? Math.log1p(Math.max(0, row[c])) : row[c];
            z[c] = (v - median[c]) / scale[c];
        }
        return z;
    }

    /** The raw value at the column's centre, for reasons ("the usual 120.00"). */
    double typicalRaw(int column) {
        return log[column] ? Math.expm1(median[column]) : median[column];
    }

    private static double robustScale(double[] sorted, double median) {
        double[] deviations = new double[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            deviations[i] = Math.abs(sorted[i] - median);
        }
        Arrays.sort(deviations);
        double mad = 1.4826 * quantile(deviations, 0.5);
        if (mad > 1e-12) {
            return mad;
        }
        double iqr = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 1.349;
        if (iqr > 1e-12) {
            return iqr;
        }
        double mean = Arrays.stream(sorted).average().orElse(0);
        double sd = Math.sqrt(Arrays.stream(sorted).map(v -> (v - mean) * (v - mean)).average().orElse(0));
        return sd > 1e-12 ? sd : 1.0;
    }

    /** Linear-interpolated quantile of sorted values. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double quantileSkew(double[] sorted) {
        double lo = quantile(sorted, 0.01);
        double mid = quantile(sorted, 0.5);
        double hi = quantile(sorted, 0.99);
        return hi - lo < 1e-12 ? 0 : (hi + lo - 2 * mid) / (hi - lo);
    }
}
