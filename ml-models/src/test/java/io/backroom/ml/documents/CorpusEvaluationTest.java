package io.backroom.ml.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reader on the committed multi-producer corpus (ml-models/corpus: Chromium, LibreOffice and
 * ReportLab renderings of ten layouts in seven locales). The reader has no fitted parameters, so
 * leaving a producer or a layout out means scoring that group's PDFs; the targets are set per
 * held-out group. Prints the tables of docs/models/document-reader.md.
 */
class CorpusEvaluationTest {
    private static List<CorpusEvaluation.Outcome> outcomes;

    @BeforeAll
    static void readCorpus() throws IOException {
        Path corpus = Path.of(System.getProperty("backroom.corpus.dir", "corpus"));
        assertThat(corpus.resolve("labels.csv")).as("the committed corpus (run ml-models/corpus/generate.py)").exists();
        outcomes = CorpusEvaluation.run(new DocumentReader(null), corpus, row -> true);
        try (var s = Files.list(corpus.resolve("pdfs"))) {
            assertThat(s.count()).isEqualTo(outcomes.size());
        }
    }

    @Test
    void readsTheCoreFieldsOfEveryHeldOutProducer() {
        Map<String, List<CorpusEvaluation.Outcome>> producers = CorpusEvaluation.heldOut(outcomes, "producer");
        CorpusEvaluation.printTable(System.out, "held-out producer", producers);
        assertThat(producers.keySet()).containsExactlyInAnyOrder("chromium", "libreoffice", "reportlab");
        producers.forEach((producer, docs) -> {
            for (String field : CorpusEvaluation.CORE) {
                assertThat(CorpusEvaluation.accuracy(docs, field)).as(producer + " " + field).isGreaterThanOrEqualTo(0.95);
            }
        });
    }

    @Test
    void readsTheCoreFieldsOfEveryHeldOutLayout() {
        Map<String, List<CorpusEvaluation.Outcome>> layouts = CorpusEvaluation.heldOut(outcomes, "layout");
        CorpusEvaluation.printTable(System.out, "held-out layout", layouts);
        CorpusEvaluation.printTable(System.out, "language", CorpusEvaluation.heldOut(outcomes, "language"));
        CorpusEvaluation.printMismatches(System.out, outcomes);
        assertThat(layouts).hasSizeGreaterThanOrEqualTo(8);
        assertThat(CorpusEvaluation.heldOut(outcomes, "language")).hasSizeGreaterThanOrEqualTo(5);
        layouts.forEach((layout, docs) -> assertThat(CorpusEvaluation.coreAccuracy(docs)).as(layout).isGreaterThanOrEqualTo(0.85));
        assertThat(CorpusEvaluation.coreAccuracy(outcomes)).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void classifiesEveryCorpusInvoiceAsAnInvoiceWithConfidence() {
        for (CorpusEvaluation.Outcome o : outcomes) {
            assertThat(o.result().documentType()).as(o.row().get("file")).isEqualTo(DocumentType.INVOICE);
        }
        double[] confidence = outcomes.stream().mapToDouble(o -> o.result().typeConfidence()).sorted().toArray();
        assertThat(confidence[confidence.length / 2]).as("median type confidence").isGreaterThan(0.8);
    }
}
