package io.backroom.ml.pos;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.eval.RankingMetrics;
import io.backroom.ml.testdata.DemoData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Why the per-feature z-score baseline beats the shift-anomaly model, on labelled held-out sets:
 * the committed model, the baseline, the model's own inputs (peer-normalised z-scores) ranked by
 * their largest |z| without the detector, a multi-rate evidence score (sum of z-scores beyond 2)
 * on journal-wide and on peer-normalised z-scores, and rank blends of the model with the baseline.
 * Run: {@code mvn -B -pl ml-models -am verify -Pbench -Dtest=ShiftBaselineBench
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.shift.sets=DIR[,DIR...]}.
 */
@Tag("bench")
class ShiftBaselineBench {
    @Test
    void comparesTheModelWithSimpleScoresOnTheSameShifts() {
        String sets = System.getProperty("bench.shift.sets", System.getProperty("bench.heldout", DemoData.dir().toString()));
        ShiftAnomalyModel model = BackroomModels.fromClasspath().shiftAnomaly();
        for (String set : sets.split(",")) {
            DatasetDir data = DatasetDir.open(Path.of(set.trim()));
            ShiftJournal journal = ShiftJournal.read(data);
            Map<String, Integer> labels = ShiftJournal.labels(data);
            int n = journal.shifts.size();
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = labels.getOrDefault(journal.shifts.get(i).shiftId, 0);
            }
            Map<String, Double> byShift = new HashMap<>();
            model.score(data).forEach(s -> byShift.put(s.shiftId(), s.score()));
            double[] ours = new double[n];
            for (int i = 0; i < n; i++) {
                ours[i] = byShift.get(journal.shifts.get(i).shiftId);
            }
            double[][] rates = new double[n][];
            List<String> stores = new ArrayList<>();
            List<Integer> hours = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ShiftFeatures.Accumulator a = journal.shifts.get(i);
                rates[i] = a.rates();
                stores.add(a.storeId);
                hours.add(a.startHour(journal.zone));
            }
            PeerNormalizer peers = PeerNormalizer.fit(stores, hours, rates);
            double[][] peerZ = new double[n][];
            for (int i = 0; i < n; i++) {
                peerZ[i] = peers.normalise(stores.get(i), hours.get(i), rates[i]);
            }
            double[][] globalZ = globalZ(rates);
            double[] baseline = ShiftAnomalyModel.zBaseline(journal);

            Map<String, double[]> scores = new LinkedHashMap<>();
            scores.put("shift-anomaly model (committed)", ours);
            scores.put("z-score baseline (largest |z|, journal-wide)", baseline);
            scores.put("model inputs without the detector (largest |peer z|)", maxAbs(peerZ));
            scores.put("evidence: sum of |z| beyond 2, journal-wide", excess(globalZ));
            scores.put("evidence: sum of |z| beyond 2, peer-normalised", excess(peerZ));
            scores.put("rank blend model + baseline", rankSum(ours, baseline));
            assertThat(RankingMetrics.rocAuc(baseline, y)).isBetween(0.0, 1.0);
            System.out.printf(Locale.ROOT, "BENCH shift scores on %s (seed %s): %d shifts, %d fraud%n", set,
                    data.manifest().path("seed").asText("?"), n, Arrays.stream(y).sum());
            scores.forEach((name, s) -> System.out.printf(Locale.ROOT, "BENCH   %-55s ROC-AUC %.4f  AP %.4f  precision top 1%% %.3f%n",
                    name, RankingMetrics.rocAuc(s, y), RankingMetrics.averagePrecision(s, y), RankingMetrics.precisionAtTop(s, y, 0.01)));
        }
    }

    private static double[][] globalZ(double[][] rates) {
        int n = rates.length;
        int d = rates[0].length;
        double[] mean = new double[d];
        double[] sd = new double[d];
        for (double[] r : rates) {
            for (int f = 0; f < d; f++) {
                mean[f] += r[f] / n;
            }
        }
        for (double[] r : rates) {
            for (int f = 0; f < d; f++) {
                sd[f] += (r[f] - mean[f]) * (r[f] - mean[f]) / n;
            }
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < d; f++) {
                z[i][f] = (rates[i][f] - mean[f]) / Math.max(Math.sqrt(sd[f]), 1e-9);
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

    private static double[] excess(double[][] z) {
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            for (double v : z[i]) {
                out[i] += Math.max(0, Math.abs(v) - 2);
            }
        }
        return out;
    }

    private static double[] rankSum(double[] a, double[] b) {
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = ra[i] + rb[i];
        }
        return out;
    }

    private static double[] ranks(double[] a) {
        Integer[] idx = new Integer[a.length];
        for (int i = 0; i < a.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> a[i]));
        double[] r = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            r[idx[k]] = k / (double) a.length;
        }
        return r;
    }
}
