package io.backroom.ml.training;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.pos.ShiftAnomalyModel;
import io.backroom.ml.testdata.DemoData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainerTest {
    @Test
    void promotesAChallengerTrainedOnDispositionsOnlyIfNotWorseAndWritesTheComparison(@TempDir Path dir) throws IOException {
        Path models = dir.resolve("models");
        Path current = models.resolve(ShiftAnomalyModel.NAME);
        Files.createDirectories(current);
        for (String f : new String[] {"peer-rates.json", "card.json", "card.md"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("io/backroom/ml/models/shift-anomaly/" + f)) {
                Files.copy(in, current.resolve(f));
            }
        }
        DatasetDir demo = DatasetDir.open(DemoData.dir());
        StringBuilder feedback = new StringBuilder("shift_id,fraud\n");
        demo.forEach("labels/shift-labels", l -> feedback.append(l.path("shiftId").asText()).append(',')
                .append(l.path("fraud").asBoolean() ? "fraud" : "honest").append('\n'));
        Path file = dir.resolve("dispositions.csv");
        Files.writeString(file, feedback);

        ByteArrayOutputStream log = new ByteArrayOutputStream();
        boolean promoted = new Retrainer(new PrintStream(log, true, StandardCharsets.UTF_8))
                .retrain(ShiftAnomalyModel.NAME, demo, demo, file, models, 42);

        JsonNode comparison = new ObjectMapper().readTree(current.resolve("comparison.json").toFile());
        double before = comparison.path("current").path("average_precision").asDouble();
        double after = comparison.path("challenger").path("average_precision").asDouble();
        assertThat(promoted).isEqualTo(after >= before);
        assertThat(comparison.path("promoted").asBoolean()).isEqualTo(promoted);
        assertThat(current.resolve("comparison.md")).content().contains("decision metric `average_precision`");
        assertThat(promoted).as("dispositions for every shift make a better supervised model: %s", log).isTrue();
        assertThat(current.resolve("booster-raw.tribuo").toFile().exists() || current.resolve("booster.tribuo").toFile().exists()).isTrue();
    }
}
