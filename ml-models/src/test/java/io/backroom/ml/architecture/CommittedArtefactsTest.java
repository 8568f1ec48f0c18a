package io.backroom.ml.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.pos.ShiftAnomalyModel;
import io.backroom.ml.priority.Prioritizer;
import io.backroom.ml.testdata.DemoData;
import io.backroom.ml.training.ReferencePredictions;
import io.backroom.ml.tribuo.ArtefactSource;
import io.backroom.ml.tribuo.ModelArtefactException;
import io.backroom.ml.tribuo.ModelCard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed artefacts (ml-models/models/, on the class path) are what the current code and the
 * committed demo data produce: the training-data fingerprint in each card matches the demo files,
 * and the outputs of the loaded models on the demo set hash to the digest recorded at training.
 */
class CommittedArtefactsTest {
    private static final String REGENERATE = "Regenerate the committed models with: backroom-models train "
            + "--data sample-data/src/main/resources/io/backroom/sampledata/demo --heldout <data set generated with another seed> "
            + "--out ml-models/models --seed 42 (see ml-models/README.md)";
    private final BackroomModels models = BackroomModels.fromClasspath();
    private final DatasetDir demo = DatasetDir.open(DemoData.dir());

    @Test
    void shiftAnomalyArtefactsMatchCodeAndData() {
        ModelCard card = models.card(ShiftAnomalyModel.NAME);
        assertThat(card.trainingFingerprint()).as("demo POS data changed. " + REGENERATE)
                .isEqualTo(demo.fingerprint("cashier-shifts", "pos-transactions"));
        assertThat(ReferencePredictions.shiftAnomaly(models.shiftAnomaly(), demo)).as("shift scores changed. " + REGENERATE)
                .isEqualTo(card.referencePredictions());
    }

    @Test
    void exceptionClassifierArtefactsMatchCodeAndData() {
        ModelCard card = models.card(ExceptionClassifier.NAME);
        assertThat(card.trainingFingerprint()).as("demo procurement data changed. " + REGENERATE)
                .isEqualTo(demo.fingerprint("suppliers", "purchase-orders", "goods-receipts", "invoices", "labels/invoice-labels"));
        assertThat(ReferencePredictions.exceptionClassifier(models.exceptionClassifier(), demo)).as("assessments changed. " + REGENERATE)
                .isEqualTo(card.referencePredictions());
    }

    @Test
    void prioritizerArtefactsMatchCodeAndData() {
        ModelCard card = models.card(Prioritizer.NAME);
        assertThat(card.trainingFingerprint()).as("demo history changed. " + REGENERATE)
                .isEqualTo(demo.fingerprint("exception-history", "invoices", "purchase-orders", "goods-receipts", "suppliers"));
        assertThat(ReferencePredictions.prioritizer(models.prioritizer(), demo)).as("queue order changed. " + REGENERATE)
                .isEqualTo(card.referencePredictions());
    }

    @Test
    void glCategoryModelCodesAnExpenseInvoiceFromItsWords() {
        ModelCard card = models.card(io.backroom.ml.documents.GlCategoryModel.NAME);
        assertThat(card.trainingFingerprint()).as("demo expense data changed. " + REGENERATE)
                .isEqualTo(demo.fingerprint("expense-invoices", "suppliers"));
        var gl = io.backroom.ml.documents.GlCategoryModel.load(ArtefactSource.classpath(io.backroom.ml.documents.GlCategoryModel.NAME));
        assertThat(gl.predict("Rechnung Window cleaning Utrecht Noord Oct 2026 Total 250,00 EUR").category()).isEqualTo("CLEANING");
        assertThat(gl.predict("Invoice Food waste collection, Zwolle").category()).isEqualTo("WASTE");
    }

    @Test
    void committedArtefactsStayUnderTenMegabytes() throws IOException {
        long total;
        try (Stream<Path> files = Files.walk(Path.of("models"))) {
            total = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(total).isLessThan(10L * 1024 * 1024);
    }

    @Test
    void anUnknownModelIsRefusedWithHowToRegenerate() {
        assertThatThrownBy(() -> ArtefactSource.classpath("no-such-model").open("card.json"))
                .isInstanceOf(ModelArtefactException.class).hasMessageContaining("missing from the class path")
                .hasMessageContaining("backroom-models train");
    }
}
