package io.backroom.sampledata.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.io.EntityFile;
import io.backroom.sampledata.io.Manifest;
import io.backroom.sampledata.io.SampleDataset;
import io.backroom.sampledata.labels.DocumentLabel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo set committed on the class path: it must be exactly what the generator produces for its documented
 * settings ({@link GeneratorSettings#committedDemo}), and pass every data set check. If the generator changed on
 * purpose, regenerate it (see sample-data/README.md, "Regenerating the demo set") and bump
 * {@link RetailerGenerator#GENERATOR_VERSION}.
 */
class DemoDatasetTest {
    @TempDir
    static Path regenerated;

    private static DatasetIndex demo;

    @BeforeAll
    static void loadAndRegenerate() {
        demo = new DatasetIndex(SampleDataset.demo());
        new RetailerGenerator(GeneratorSettings.committedDemo(regenerated), Progress.none()).generate();
    }

    @Test
    void committedDemoSetIsWhatTheGeneratorProducesForItsSeed() throws IOException {
        String regenerate = "the committed demo set differs from the generator's output: regenerate it as "
                + "described in sample-data/README.md";
        for (EntityFile<?> file : DataFiles.ALL) {
            assertThat(lines(SampleDataset.DEMO_RESOURCE_ROOT + file.path() + ".jsonl.gz", null))
                    .as(regenerate + " (" + file.path() + ")")
                    .isEqualTo(lines(null, regenerated.resolve(file.path() + ".jsonl.gz")));
        }
        for (DocumentLabel d : demo.documentLabels) {
            assertThat(demo.dataset.readPdf(d.file())).as(regenerate + " (" + d.file() + ")")
                    .isEqualTo(Files.readAllBytes(regenerated.resolve(d.file())));
        }
        try (var pdfs = Files.list(regenerated.resolve(DataFiles.PDFS_DIR))) {
            assertThat(pdfs.count()).isEqualTo(demo.documentLabels.size());
        }
        Manifest committed = demo.dataset.manifest();
        Manifest fresh = SampleDataset.open(regenerated).manifest();
        assertThat(committed).isEqualTo(fresh);
    }

    private static byte[] lines(String resource, Path file) throws IOException {
        try (InputStream raw = resource != null ? DemoDatasetTest.class.getClassLoader().getResourceAsStream(resource)
                : Files.newInputStream(file)) {
            assertThat(raw).as("missing " + (resource != null ? resource : file)).isNotNull();
            try (InputStream in = new GZIPInputStream(raw, 1 << 16)) {
                return in.readAllBytes();
            }
        }
    }

    @Test
    void manifestCountsMatchTheFiles() {
        Manifest m = demo.dataset.manifest();
        assertThat(m.seed()).isEqualTo(GeneratorSettings.DEMO_SEED);
        assertThat(m.asOf()).isEqualTo(GeneratorSettings.DEFAULT_AS_OF);
        assertThat(m.generatorVersion()).isEqualTo(RetailerGenerator.GENERATOR_VERSION);
        assertThat(m.counts()).containsEntry("invoices", (long) demo.invoices.size())
                .containsEntry("pos-transactions", (long) demo.transactions.size())
                .containsEntry("labels/shift-labels", (long) demo.shiftLabels.size())
                .containsEntry("pdfs", (long) demo.documentLabels.size());
    }

    @Test
    void demoRetailerHasTheDocumentedScale() {
        assertThat(demo.regions).hasSize(5);
        assertThat(demo.stores).hasSize(250);
        assertThat(demo.suppliers.stream().filter(s -> s.kind() == io.backroom.sampledata.model.SupplierKind.MERCHANDISE))
                .hasSizeGreaterThanOrEqualTo(150);
        assertThat(demo.items).hasSizeGreaterThanOrEqualTo(5000);
        assertThat(demo.items.stream().map(i -> i.category()).distinct().count()).isGreaterThanOrEqualTo(12);
        assertThat(demo.users).extracting("username").contains("admin", "ap.clerk", "ap.supervisor", "lp.analyst",
                "integration", "director", "rm.north", "sm.s001", "buyer1");
        assertThat(demo.transactions).hasSizeGreaterThan(100_000);
    }

    @Test
    void everyReferenceResolves() {
        DatasetChecks.referentialIntegrity(demo);
    }

    @Test
    void invoiceLabelsAgreeWithAThreeWayMatchOfTheData() {
        DatasetChecks.invoiceLabelsAgreeWithTheData(demo);
    }

    @Test
    void shiftAndTransactionLabelsAgreeWithTheJournal() {
        DatasetChecks.shiftLabelsAgreeWithTheJournal(demo);
    }

    @Test
    void problemAndFraudRatesFallInTheirDocumentedRanges() {
        DatasetChecks.ratesInDocumentedRanges(demo);
    }

    @Test
    void everyPdfOpensAndCarriesItsNumberAndTotal() {
        DatasetChecks.pdfsCarryTheirNumberAndTotal(demo);
        assertThat(demo.documentLabels.stream().filter(d -> d.documentType().equals("INVOICE"))
                .map(DocumentLabel::layout).distinct().count()).as("invoice layouts in the demo PDFs")
                .isGreaterThanOrEqualTo(6);
        assertThat(demo.documentLabels.stream().map(DocumentLabel::documentType).distinct())
                .contains("INVOICE", "CREDIT_NOTE", "EXPENSE_INVOICE", "STATEMENT", "REMINDER");
    }
}
