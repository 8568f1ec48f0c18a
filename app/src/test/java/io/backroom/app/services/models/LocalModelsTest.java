package io.backroom.app.services.models;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.ml.BackroomModels;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalModelsTest {
    @TempDir
    Path dir;

    @Test
    void theCommittedModelsLoadAndNameThemselves() {
        LocalModels models = LocalModels.committed();

        assertThat(models.loaded()).extracting(m -> m.name()).containsExactly("exception-classifier", "prioritizer");
        assertThat(models.loaded()).allSatisfy(m -> assertThat(m.provenanceHash()).matches("[0-9a-f]{16}"));
        assertThat(models.problem()).isEmpty();
    }

    @Test
    void aDamagedArtefactLeavesTheConsoleWithoutModelsAndAReasonInsteadOfACrash() throws Exception {
        Path broken = dir.resolve("exception-classifier");
        Files.createDirectories(broken);
        Files.writeString(broken.resolve("card.json"), "{ not json");
        LocalModels models = new LocalModels(() -> BackroomModels.fromDirectory(dir));

        assertThat(models.advisor()).isEmpty();
        assertThat(models.loaded()).isEmpty();
        assertThat(models.problem()).get().asString().contains("could not be loaded").contains("money at risk");
    }
}
