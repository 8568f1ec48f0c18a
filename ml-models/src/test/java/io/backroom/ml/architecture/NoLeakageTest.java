package io.backroom.ml.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.exceptions.MatchFacts;
import io.backroom.ml.pos.ShiftAnomalyModel;
import io.backroom.ml.priority.Prioritizer;
import io.backroom.ml.testdata.DemoData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No label and no generator-only field is an input feature of any model. */
class NoLeakageTest {
    /** Fields that exist only in the ground truth (labels/) or the generator, never in a retailer's documents. */
    private static final List<String> FORBIDDEN = List.of("rootcause", "root_cause", "resolution", "problem", "fraud", "pattern",
            "benign", "decision", "decided", "lineNos", "duplicateof", "detail", "layout", "label", "note", "disposition");

    @Test
    void noModelFeatureIsNamedAfterALabelOrGeneratorField() {
        List<String> features = new ArrayList<>();
        features.addAll(ShiftAnomalyModel.featureNames());
        features.addAll(ExceptionClassifier.featureNames());
        features.addAll(Prioritizer.featureNames());
        for (String feature : features) {
            String f = feature.toLowerCase(Locale.ROOT);
            assertThat(FORBIDDEN).as("feature %s", feature).noneMatch(bad -> f.contains(bad.toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    void featuresAreIdenticalWhenTheGroundTruthFolderIsRemoved(@TempDir Path dir) throws IOException {
        Path demo = DemoData.dir();
        Path copy = dir.resolve("no-labels");
        try (Stream<Path> files = Files.list(demo)) {
            Files.createDirectories(copy);
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    Files.copy(f, copy.resolve(f.getFileName()));
                }
            }
        }
        MatchFacts withLabels = MatchFacts.of(DatasetDir.open(demo));
        MatchFacts withoutLabels = MatchFacts.of(DatasetDir.open(copy));
        DatasetDir data = DatasetDir.open(demo);
        List<String> ids = new ArrayList<>();
        try (var invoices = data.stream("invoices")) {
            invoices.limit(300).forEach(i -> ids.add(i.path("id").asText()));
        }
        for (String id : ids) {
            assertThat(withoutLabels.facts(withoutLabels.invoice(id))).containsExactly(withLabels.facts(withLabels.invoice(id)));
        }
        assertThat(Files.exists(copy.resolve("labels"))).isFalse();
    }
}
