package io.backroom.ml.anomaly;

/**
 * Robust Mahalanobis distance on robust z-scores: the mean and covariance come from the rows whose
 * largest |z| is moderate (the bulk), shrunk towards a diagonal so the inverse is stable. It catches
 * rows whose columns are each ordinary but whose combination is not (refunds high for the sales).
 *
 * @param mean      the centre of the bulk
 * @param inverse   the inverse of the shrunk covariance, row-major
 * @param whitening {@code Lambda^-1/2 V^T}: maps a centred row onto its principal directions in
 *                  units of their standard deviation
 */
record Mahalanobis(double[] mean, double[][] inverse, double[][] whitening) {
    private static final double TRIM = 4.0;
    private static final double SHRINK = 0.005;

    static Mahalanobis fit(double[][] z) {
        int d = z[0].length;
        double[] mean = new double[d];
        int kept = 0;
        for (double[] row : z) {
            if (bulk(row)) {
                kept++;
                for (int c = 0; c < d; c++) {
                    mean[c] += row[c];
                }
            }
        }
        boolean useAll = kept < Math.max(10, d * 3);
        if (useAll) {
            kept = z.length;
            java.util.Arrays.fill(mean, 0);
            for (double[] row : z) {
                for (int c = 0; c < d; c++) {
                    mean[c] += row[c];
                }
            }
        }
        for (int c = 0; c < d; c++) {
            mean[c] /= kept;
        }
        double[][] cov = new double[d][d];
        for (double[] row : z) {
            if (useAll || bulk(row)) {
                for (int a = 0; a < d; a++) {
                    double da = row[a] - mean[a];
                    for (int b = a; b < d; b++) {
                        cov[a][b] += da * (row[b] - mean[b]);
                    }
                }
            }
        }
        double trace = 0;
        for (int a = 0; a < d; a++) {
            for (int b = a; b < d; b++) {
                cov[a][b] /= Math.max(1, kept - 1);
                cov[b][a] = cov[a][b];
            }
            trace += cov[a][a];
        }
        double diagonal = Math.max(trace / d, 1e-6);
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                cov[a][b] = (1 - SHRINK) * cov[a][b] + (a == b ? SHRINK * diagonal : 0);
            }
        }
        return new Mahalanobis(mean, invert(cov), SymmetricEigen.whitening(cov));
    }

    private static boolean bulk(double[] row) {
        for (double v : row) {
            if (Math.abs(v) > TRIM) {
                return false;
            }
        }
        return true;
    }

    /** Per-column contributions {@code (z-mu)_i * (S^-1 (z-mu))_i}; they sum to the squared distance. */
    double[] contributions(double[] z) {
        int d = mean.length;
        double[] centred = new double[d];
        for (int c = 0; c < d; c++) {
            centred[c] = z[c] - mean[c];
        }
        double[] out = new double[d];
        for (int a = 0; a < d; a++) {
            double s = 0;
            for (int b = 0; b < d; b++) {
                s += inverse[a][b] * centred[b];
            }
            out[a] = centred[a] * s;
        }
        return out;
    }

    /** The row on the principal directions, each in units of its standard deviation. */
    double[] whiten(double[] z) {
        int d = mean.length;
        double[] out = new double[d];
        for (int a = 0; a < d; a++) {
            double s = 0;
            for (int b = 0; b < d; b++) {
                s += whitening[a][b] * (z[b] - mean[b]);
            }
            out[a] = s;
        }
        return out;
    }

    /** The Mahalanobis distance (not squared). */
    double distance(double[] z) {
        double sum = 0;
        for (double c : contributions(z)) {
            sum += c;
        }
        return Math.sqrt(Math.max(0, sum));
    }

    private static double[][] invert(double[][] matrix) {
        int n = matrix.length;
        double[][] a = new double[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = a[col];
            a[col] = a[pivot];
            a[pivot] = tmp;
            double p = a[col][col];
            if (Math.abs(p) < 1e-12) {
                throw new IllegalStateException("covariance matrix is singular even after shrinkage");
            }
            for (int k = 0; k < 2 * n; k++) {
                a[col][k] /= p;
            }
            for (int r = 0; r < n; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int k = 0; k < 2 * n; k++) {
                        a[r][k] -= f * a[col][k];
                    }
                }
            }
        }
        double[][] inv = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inv[i], 0, n);
        }
        return inv;
    }
}
