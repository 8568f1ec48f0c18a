package io.backroom.ml.anomaly;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The label-free part of the tabular detector. Columns are standardised robustly
 * ({@link RobustScaler}: log where it reduces skew, then median and MAD / IQR), clipped at
 * ±{@value #Z_CLIP}, and scored by four members. The SVM and the forest work on the z-scores
 * <em>whitened</em> on the bulk's principal directions (so a broken relationship between columns —
 * refunds high for the sales — is as far out as an extreme column) when the table has at least
 * {@value #WHITEN_ROWS_PER_COLUMN} rows per column, enough for a stable covariance; on fewer rows the
 * whitening mostly amplifies noise and they work on the z-scores themselves.
 * <ul>
 *   <li>{@code one_class_svm}: Tribuo's libsvm one-class SVM (RBF, nu {@value #NU}), bagged: the mean
 *   rank of {@value #BAG} SVMs, each fitted on its own seeded sample of at most 1,500 rows, so the
 *   result depends much less on which rows one sample happened to draw;</li>
 *   <li>{@code isolation_forest}: 100 trees on the same (whitened) z-scores;</li>
 *   <li>{@code mahalanobis}: the robust Mahalanobis distance (columns ordinary alone, odd together);</li>
 *   <li>{@code max_abs_z}: the largest robust |z| (one extreme column).</li>
 * </ul>
 * Each member's score becomes its rank among the training rows ({@link #normalised}, extrapolated
 * beyond the largest training score), the rank becomes a surprise, {@code -log} of the share of
 * training rows the member scores at least as high ({@link #surprise}), and the ensemble is the
 * weighted mean surprise (Fisher's way of combining tail probabilities): a row extreme for one
 * member keeps most of its surprise, where a mean of ranks would pull it back to the middle. A
 * member's weight is its rank agreement (correlation, floored at 0) with the mean of the other
 * members on the training rows: a member that ranks like nobody else is more likely noise than
 * signal, and no label is needed to tell. The weights are written in the model card.
 */
final class UnsupervisedStack {
    static final List<String> MEMBERS = List.of("one_class_svm", "isolation_forest", "mahalanobis", "max_abs_z");
    static final int COMPONENTS = MEMBERS.size();
    static final double Z_CLIP = 30.0;
    static final int BAG = 5;
    static final double NU = 0.5;
    static final int SVM_ROWS = 1500;
    static final int TREES = 100;
    static final int WHITEN_ROWS_PER_COLUMN = 30;
    private static final int QUANTILES = 1001;

    final RobustScaler scaler;
    final Mahalanobis mahalanobis;
    final List<TribuoOneClass> svms;
    final IsolationForest forest;
    final double[][] svmQuantiles;
    final double[][] memberQuantiles;
    final double[] weights;
    final int trainingRows;
    final boolean whitened;

    UnsupervisedStack(RobustScaler scaler, Mahalanobis mahalanobis, List<TribuoOneClass> svms, IsolationForest forest,
                      double[][] svmQuantiles, double[][] memberQuantiles, double[] weights, int trainingRows, boolean whitened) {
        this.scaler = scaler;
        this.mahalanobis = mahalanobis;
        this.svms = List.copyOf(svms);
        this.forest = forest;
        this.svmQuantiles = svmQuantiles;
        this.memberQuantiles = memberQuantiles;
        this.weights = weights;
        this.trainingRows = trainingRows;
        this.whitened = whitened;
    }

    static UnsupervisedStack fit(double[][] rows, String description, long seed) {
        RobustScaler scaler = RobustScaler.fit(rows);
        int n = rows.length;
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = clip(scaler.transform(rows[i]));
        }
        Mahalanobis mahalanobis = Mahalanobis.fit(z);
        boolean whitened = n >= WHITEN_ROWS_PER_COLUMN * z[0].length;
        double[][] space = new double[n][];
        for (int i = 0; i < n; i++) {
            space[i] = whitened ? mahalanobis.whiten(z[i]) : z[i];
        }
        List<TribuoOneClass> svms = new ArrayList<>();
        double[][] svmQuantiles = new double[BAG][];
        double[] svmRank = new double[n];
        for (int b = 0; b < BAG; b++) {
            TribuoOneClass svm = TribuoOneClass.fit(space, description + " svm " + b, seed * 31 + b, NU, SVM_ROWS);
            svms.add(svm);
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = svm.score(space[i]);
            }
            svmQuantiles[b] = quantilesOf(s);
            for (int i = 0; i < n; i++) {
                svmRank[i] += rank(svmQuantiles[b], s[i]) / BAG;
            }
        }
        IsolationForest forest = IsolationForest.fit(space, TREES, seed);
        double[][] raw = new double[COMPONENTS][n];
        for (int i = 0; i < n; i++) {
            raw[0][i] = svmRank[i];
            raw[1][i] = forest.score(space[i]);
            raw[2][i] = mahalanobis.distance(z[i]);
            raw[3][i] = maxAbs(z[i]);
        }
        double[][] memberQuantiles = new double[COMPONENTS][];
        double[][] u = new double[COMPONENTS][n];
        for (int k = 0; k < COMPONENTS; k++) {
            memberQuantiles[k] = quantilesOf(raw[k]);
            for (int i = 0; i < n; i++) {
                u[k][i] = rank(memberQuantiles[k], raw[k][i]);
            }
        }
        return new UnsupervisedStack(scaler, mahalanobis, svms, forest, svmQuantiles, memberQuantiles, consensusWeights(u), n, whitened);
    }

    /** Each member's correlation with the mean of the others (on training ranks), floored at 0; equal weights if all are 0. */
    static double[] consensusWeights(double[][] u) {
        int m = u.length;
        int n = u[0].length;
        double[] w = new double[m];
        for (int k = 0; k < m; k++) {
            double[] others = new double[n];
            for (int j = 0; j < m; j++) {
                if (j != k) {
                    for (int i = 0; i < n; i++) {
                        others[i] += u[j][i];
                    }
                }
            }
            w[k] = Math.max(0, correlation(u[k], others));
        }
        if (Arrays.stream(w).sum() <= 1e-9) {
            Arrays.fill(w, 1);
        }
        return w;
    }

    double[] z(double[] row) {
        return clip(scaler.transform(row));
    }

    /** Each member's score of one row's z-scores as a rank among the training rows (above 1 beyond the largest). */
    double[] normalised(double[] z) {
        double[] space = whitened ? mahalanobis.whiten(z) : z;
        double svm = 0;
        for (int b = 0; b < svms.size(); b++) {
            svm += rank(svmQuantiles[b], svms.get(b).score(space)) / svms.size();
        }
        double[] raw = {svm, forest.score(space), mahalanobis.distance(z), maxAbs(z)};
        double[] u = new double[COMPONENTS];
        for (int k = 0; k < COMPONENTS; k++) {
            u[k] = rank(memberQuantiles[k], raw[k]);
        }
        return u;
    }

    /** The ensemble score: the members' weighted mean surprise. */
    double ensemble(double[] normalised) {
        double sum = 0;
        double total = 0;
        for (int k = 0; k < normalised.length; k++) {
            sum += weights[k] * surprise(normalised[k]);
            total += weights[k];
        }
        return sum / total;
    }

    /**
     * {@code -log p}, p the share of the training rows (of n, counted as n + 1) that score at least
     * this rank; beyond the largest training score p keeps shrinking with the distance.
     */
    double surprise(double rank) {
        double n = trainingRows;
        if (rank <= 1) {
            return -Math.log(1 - rank * n / (n + 1));
        }
        return Math.log(n + 1) + 100 * (rank - 1);
    }

    /** The rank of a value among evenly spaced quantiles, in [0, 1], extrapolated above 1 beyond the largest. */
    static double rank(double[] q, double value) {
        double top = q[q.length - 1];
        if (value > top) {
            double spread = top - q[q.length / 2];
            return 1 + (spread > 1e-12 ? (value - top) / spread : 1) * 0.01;
        }
        return RobustScalerQuantile.rank(q, value);
    }

    static double[] quantilesOf(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double[] q = new double[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            q[i] = RobustScaler.quantile(sorted, i / (double) (QUANTILES - 1));
        }
        return q;
    }

    /** Pearson correlation; 0 when either side is constant. */
    static double correlation(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double s = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - ma) * (b[i] - mb);
            sa += (a[i] - ma) * (a[i] - ma);
            sb += (b[i] - mb) * (b[i] - mb);
        }
        return sa <= 0 || sb <= 0 ? 0 : s / Math.sqrt(sa * sb);
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
