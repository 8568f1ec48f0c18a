package io.backroom.ml.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
    @Test
    void perClassScoresEveryTrueClassAndMacroF1IsTheirMean() {
        List<String> truth = List.of("a", "a", "a", "b", "b", "c");
        List<String> predicted = List.of("a", "a", "b", "b", "a", "d");
        Map<String, double[]> perClass = ClassificationMetrics.perClass(truth, predicted);
        assertThat(perClass).containsOnlyKeys("a", "b", "c");
        // a: tp 2, fp 1, fn 1; b: tp 1, fp 1, fn 1; c: tp 0
        assertThat(perClass.get("a")).containsExactly(new double[] {2 / 3.0, 2 / 3.0, 2 / 3.0}, within(1e-12));
        assertThat(perClass.get("b")).containsExactly(new double[] {0.5, 0.5, 0.5}, within(1e-12));
        assertThat(perClass.get("c")).containsExactly(0.0, 0.0, 0.0);
        assertThat(ClassificationMetrics.macroF1(truth, predicted)).isCloseTo((2 / 3.0 + 0.5) / 3, within(1e-12));
    }
}
