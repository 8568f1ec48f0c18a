package io.backroom.ml.anomaly;

import io.backroom.ml.eval.RankingMetrics;
import io.backroom.ml.table.NumericTable;
import io.backroom.ml.testdata.AnomalyBenchmarkSets;
import io.backroom.ml.testdata.RetailShiftTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The generic detector against its baselines, side by side in one run, on labelled sets it was
 * not designed on: self-checkout sessions ({@link AnomalyBenchmarkSets#checkouts}), the public
 * Wisconsin breast-cancer table as Debian's {@code python3-sklearn} ships it (malignant rows
 * sub-sampled to 3 %), and the retail shift table of the unit tests. Each method is fitted on the
 * whole table without labels and scores the same rows (how an analyst uses {@code anomaly fit} and
 * {@code score} on one export), on 5 seeds: mean and standard deviation of ROC-AUC and average
 * precision. Then each member's part: the ensemble with that member left out, and the member alone.
 * Then the supervised path: nested cross-validation against logistic regression.
 *
 * <p>Run: {@code mvn -B -pl ml-models -am verify -Pbench -Dtest=GenericAnomalyBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.wdbc=.../sklearn/datasets/data/breast_cancer.csv}.
 */
@Tag("bench")
class GenericAnomalyBench {
    private static final int SEEDS = 5;

    @Test
    void comparesTheDetectorWithItsBaselinesAndItsMembers() throws IOException {
        Map<String, NumericTable> sets = new LinkedHashMap<>();
        sets.put("self-checkout sessions (4000 rows, 9 columns)", AnomalyBenchmarkSets.checkouts(4000, 0.03, 501));
        String wdbc = System.getProperty("bench.wdbc");
        if (wdbc != null && Files.isRegularFile(Path.of(wdbc))) {
            sets.put("breast cancer, Wisconsin (369 rows, 30 columns)", AnomalyBenchmarkSets.breastCancer(Path.of(wdbc), 12, 1));
        } else {
            System.out.println("BENCH breast-cancer set skipped: pass -Dbench.wdbc=<python3-sklearn's breast_cancer.csv>");
        }
        sets.put("retail shifts (4000 rows, 8 columns)", RetailShiftTable.generate(4000, 0.03, 101));
        for (Map.Entry<String, NumericTable> set : sets.entrySet()) {
            NumericTable t = set.getValue();
            double[][] x = t.values();
            int[] y = t.labels();
            NumericTable unlabelled = new NumericTable(t.ids(), t.columns(), x, null);
            System.out.printf(Locale.ROOT, "BENCH set %s: %d positives (%.1f %%)%n", set.getKey(), Arrays.stream(y).sum(),
                    100.0 * Arrays.stream(y).sum() / y.length);
            double[][] std = standardised(x);
            Map<String, UnsupervisedStack> stacks = new LinkedHashMap<>();
            Map<String, double[][]> ranks = new LinkedHashMap<>();
            Map<String, LongFunction<double[]>> methods = new LinkedHashMap<>();
            methods.put("tabular-anomaly detector (ours)", s -> {
                TabularAnomalyDetector d = TabularAnomalyDetector.fit(unlabelled, "id", s, 5).detector();
                stacks.put(set.getKey() + s, d.stack());
                double[][] u = new double[x.length][];
                for (int i = 0; i < x.length; i++) {
                    u[i] = d.stack().normalised(d.stack().z(x[i]));
                }
                ranks.put(set.getKey() + s, u);
                return d.rawScores(x);
            });
            methods.put("baseline: isolation forest (100 trees)", s -> IsolationForest.fit(x, 100, s).score(x));
            methods.put("baseline: one-class SVM on standardised columns", s -> svm(std, s));
            methods.put("baseline: max |z| (mean / SD)", s -> maxAbs(std));
            for (int k = 0; k < UnsupervisedStack.COMPONENTS; k++) {
                int member = k;
                methods.put("  without " + UnsupervisedStack.MEMBERS.get(k), s -> ablated(stacks.get(set.getKey() + s), ranks.get(set.getKey() + s), member, false));
                methods.put("  " + UnsupervisedStack.MEMBERS.get(k) + " alone", s -> ablated(stacks.get(set.getKey() + s), ranks.get(set.getKey() + s), member, true));
            }
            for (Map.Entry<String, LongFunction<double[]>> m : methods.entrySet()) {
                double[] auc = new double[SEEDS];
                double[] ap = new double[SEEDS];
                for (int s = 0; s < SEEDS; s++) {
                    double[] scores = m.getValue().apply(s + 1);
                    auc[s] = RankingMetrics.rocAuc(scores, y);
                    ap[s] = RankingMetrics.averagePrecision(scores, y);
                }
                System.out.printf(Locale.ROOT, "BENCH   %-50s ROC-AUC %.4f ± %.4f   AP %.4f ± %.4f%n", m.getKey(), mean(auc), sd(auc),
                        mean(ap), sd(ap));
            }
            UnsupervisedStack first = stacks.get(set.getKey() + 1);
            System.out.printf(Locale.ROOT, "BENCH   member weights (seed 1): %s%n", Arrays.toString(first.weights));
            if (Arrays.stream(y).sum() < 15) {
                System.out.println("BENCH   supervised skipped: nested 5 x 3-fold cross-validation needs at least 15 positives");
                continue;
            }
            TabularAnomalyDetector.Fitted sup = TabularAnomalyDetector.fit(t, "id", 7, 5);
            System.out.printf(Locale.ROOT, "BENCH   supervised, nested 5 x 3-fold CV: ours %s; logistic regression %s%n",
                    sup.report().metrics(), sup.report().baselines());
        }
    }

    /** The ensemble without one member (weighted mean surprise of the others), or that member's rank alone. */
    private static double[] ablated(UnsupervisedStack stack, double[][] ranks, int member, boolean alone) {
        double[] out = new double[ranks.length];
        for (int i = 0; i < ranks.length; i++) {
            double[] u = ranks[i];
            if (alone) {
                out[i] = u[member];
                continue;
            }
            double sum = 0;
            double total = 0;
            for (int k = 0; k < u.length; k++) {
                if (k != member) {
                    sum += stack.weights[k] * stack.surprise(u[k]);
                    total += stack.weights[k];
                }
            }
            out[i] = total > 0 ? sum / total : 0;
        }
        return out;
    }

    /** The usual default: RBF, gamma 1/d on mean / SD standardised columns, nu 0.5, all rows up to 5,000. */
    private static double[] svm(double[][] z, long seed) {
        TribuoOneClass m = TribuoOneClass.fit(z, "baseline", seed, 0.5, 5000, 1.0 / z[0].length);
        return Arrays.stream(z).mapToDouble(m::score).toArray();
    }

    private static double[][] standardised(double[][] x) {
        int d = x[0].length;
        int n = x.length;
        double[] mean = new double[d];
        double[] var = new double[d];
        for (double[] r : x) {
            for (int c = 0; c < d; c++) {
                mean[c] += r[c] / n;
            }
        }
        for (double[] r : x) {
            for (int c = 0; c < d; c++) {
                var[c] += (r[c] - mean[c]) * (r[c] - mean[c]) / n;
            }
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < d; c++) {
                z[i][c] = (x[i][c] - mean[c]) / Math.max(Math.sqrt(var[c]), 1e-12);
            }
        }
        return z;
    }

    private static double[] maxAbs(double[][] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            for (double v : z[i]) {
                out[i] = Math.max(out[i], Math.abs(v));
            }
        }
        return out;
    }

    private static double mean(double[] a) {
        return Arrays.stream(a).average().orElse(0);
    }

    private static double sd(double[] a) {
        double m = mean(a);
        return Math.sqrt(Arrays.stream(a).map(v -> (v - m) * (v - m)).sum() / Math.max(1, a.length - 1));
    }
}
