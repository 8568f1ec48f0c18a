package io.backroom.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RankingMetricsTest {
    @Test
    void rocAucCountsOrderedPairsAndTiesAsHalf() {
        // positives 0.9, 0.4; negatives 0.5, 0.1 -> pairs (0.9>0.5, 0.9>0.1, 0.4<0.5, 0.4>0.1) = 3/4
        assertThat(RankingMetrics.rocAuc(new double[] {0.9, 0.5, 0.4, 0.1}, new int[] {1, 0, 1, 0})).isEqualTo(0.75);
        assertThat(RankingMetrics.rocAuc(new double[] {0.5, 0.5}, new int[] {1, 0})).isEqualTo(0.5);
    }

    @Test
    void averagePrecisionMatchesTheStepwiseDefinition() {
        // ranking: 1 (P=1), 0, 1 (P=2/3) -> AP = (1 + 2/3) / 2
        double ap = RankingMetrics.averagePrecision(new double[] {0.9, 0.8, 0.7, 0.1}, new int[] {1, 0, 1, 0});
        assertThat(ap).isCloseTo((1 + 2.0 / 3) / 2, within(1e-12));
    }

    @Test
    void precisionAtTopLooksAtTheHighestScoresOnly() {
        double[] scores = {0.1, 0.9, 0.8, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.05};
        int[] labels = {0, 1, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(RankingMetrics.precisionAtTop(scores, labels, 0.2)).isEqualTo(0.5);
    }

    @Test
    void stratifiedFoldsSpreadPositivesEvenly() {
        int[] labels = new int[100];
        for (int i = 0; i < 10; i++) {
            labels[i * 10] = 1;
        }
        int[] fold = StratifiedKFold.assign(labels, 5, 3);
        for (int f = 0; f < 5; f++) {
            int positives = 0;
            for (int i = 0; i < 100; i++) {
                positives += fold[i] == f ? labels[i] : 0;
            }
            assertThat(positives).isEqualTo(2);
        }
    }
}
