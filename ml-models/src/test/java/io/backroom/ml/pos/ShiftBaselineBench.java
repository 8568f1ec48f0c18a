package io.backroom.ml.pos;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.eval.RankingMetrics;
import io.backroom.ml.testdata.DemoData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shift-anomaly model against its simple baseline (the per-feature z-score that
 * {@code evaluate} prints) on labelled held-out sets, with the model's parts taken away one at a
 * time: without the store-day norm, without pairing count and amount (largest one-sided z), and
 * two-sided like the baseline. Run: {@code mvn -B -pl ml-models -am verify -Pbench
 * -Dtest=ShiftBaselineBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench.shift.sets=DIR[,DIR...]}.
 */
@Tag("bench")
class ShiftBaselineBench {
    @Test
    void comparesTheModelWithTheBaselineAndItsAblationsOnTheSameShifts() {
        String sets = System.getProperty("bench.shift.sets", System.getProperty("bench.heldout", DemoData.dir().toString()));
        ShiftAnomalyModel model = BackroomModels.fromClasspath().shiftAnomaly();
        for (String set : sets.split(",")) {
            DatasetDir data = DatasetDir.open(Path.of(set.trim()));
            ShiftJournal journal = ShiftJournal.read(data);
            Map<String, Integer> labels = ShiftJournal.labels(data);
            int n = journal.shifts.size();
            int[] y = new int[n];
            double[][] rates = new double[n][];
            List<String> days = new ArrayList<>();
            List<String> singletons = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ShiftFeatures.Accumulator a = journal.shifts.get(i);
                y[i] = labels.getOrDefault(a.shiftId, 0);
                rates[i] = a.rates();
                days.add(a.storeId + "|" + a.startedAt.atZone(journal.zone).toLocalDate());
                singletons.add(a.shiftId);
            }
            Map<String, Double> byShift = new HashMap<>();
            model.score(data).forEach(s -> byShift.put(s.shiftId(), s.score()));
            double[] ours = new double[n];
            for (int i = 0; i < n; i++) {
                ours[i] = byShift.get(journal.shifts.get(i).shiftId);
            }
            PeerRates peers = PeerRates.fit(rates);
            List<PeerRates.Comparison> withDay = peers.compare(rates, days);
            List<PeerRates.Comparison> noDay = peers.compare(rates, singletons);

            Map<String, double[]> scores = new LinkedHashMap<>();
            scores.put("shift-anomaly model (committed)", ours);
            scores.put("z-score baseline (largest |z|, journal-wide)", ShiftAnomalyModel.zBaseline(journal));
            scores.put("model without the store-day norm", noDay.stream().mapToDouble(c -> PeerRates.score(c.evidence())).toArray());
            scores.put("model without pairing (largest one-sided z)", withDay.stream().mapToDouble(c -> max(c.z())).toArray());
            scores.put("model two-sided, unpaired (largest |z|)", withDay.stream().mapToDouble(c -> maxAbs(c.z())).toArray());
            assertThat(RankingMetrics.rocAuc(ours, y)).isBetween(0.0, 1.0);
            System.out.printf(Locale.ROOT, "BENCH shift scores on %s (seed %s): %d shifts, %d fraud%n", set,
                    data.manifest().path("seed").asText("?"), n, Arrays.stream(y).sum());
            scores.forEach((name, s) -> System.out.printf(Locale.ROOT, "BENCH   %-50s ROC-AUC %.4f  AP %.4f  precision top 1%% %.3f%n",
                    name, RankingMetrics.rocAuc(s, y), RankingMetrics.averagePrecision(s, y), RankingMetrics.precisionAtTop(s, y, 0.01)));
        }
    }

    private static double max(double[] z) {
        return Arrays.stream(z).max().orElse(0);
    }

    private static double maxAbs(double[] z) {
        return Arrays.stream(z).map(Math::abs).max().orElse(0);
    }
}
