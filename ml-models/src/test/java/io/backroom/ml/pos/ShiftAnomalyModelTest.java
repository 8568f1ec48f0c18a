package io.backroom.ml.pos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.testdata.DemoData;
import io.backroom.ml.tribuo.ModelArtefactException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShiftAnomalyModelTest {
    private static final DatasetDir DEMO = DatasetDir.open(DemoData.dir());
    private final ShiftAnomalyModel model = BackroomModels.fromClasspath().shiftAnomaly();

    @Test
    void ranksFraudAboveTheZScoreBaselineOnEveryMetric() {
        Map<String, Double> m = model.evaluate(DEMO);
        assertThat(m.get("roc_auc")).isGreaterThanOrEqualTo(m.get("baseline_z_roc_auc"));
        assertThat(m.get("average_precision")).isGreaterThan(m.get("baseline_z_average_precision"));
        assertThat(m.get("precision_top_1pct")).isGreaterThanOrEqualTo(m.get("baseline_z_precision_top_1pct"));
    }

    @Test
    void explainsTheTopShiftInWordsAgainstItsNormAndSaysNothingStandsOutForAnOrdinaryOne() {
        List<ShiftScore> scores = model.score(DEMO).stream().sorted(Comparator.comparingDouble(ShiftScore::score).reversed()).toList();
        ShiftScore top = scores.get(0);
        assertThat(top.flagged()).isTrue();
        assertThat(top.percentile()).isGreaterThan(0.99);
        assertThat(top.reasons().get(0).text()).containsPattern("[0-9.]+× the norm of (all shifts|this store's other shifts that day)|far above the norm|cash drawer short");
        assertThat(top.model()).isEqualTo("shift-anomaly 2.0");
        ShiftScore ordinary = scores.get(scores.size() / 2);
        assertThat(ordinary.flagged()).isFalse();
        assertThat(ordinary.reasons()).extracting(r -> r.text()).containsExactly("nothing stands out: every behaviour is within its norm");
    }

    @Test
    void savesAndLoadsToTheSameScoresAndRefusesAMissingOrForeignState(@TempDir Path dir) throws IOException {
        Path modelDir = dir.resolve(ShiftAnomalyModel.NAME);
        model.save(modelDir);
        ShiftAnomalyModel loaded = BackroomModels.fromDirectory(dir).shiftAnomaly();
        assertThat(loaded.score(DEMO)).isEqualTo(model.score(DEMO));

        Files.writeString(modelDir.resolve("peer-rates.json"), "{\"format\": \"something-else\", \"rates\": []}");
        assertThatThrownBy(() -> BackroomModels.fromDirectory(dir).shiftAnomaly())
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("wrong type");
        Files.delete(modelDir.resolve("peer-rates.json"));
        assertThatThrownBy(() -> BackroomModels.fromDirectory(dir).shiftAnomaly())
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("missing peer-rates.json");
    }
}
