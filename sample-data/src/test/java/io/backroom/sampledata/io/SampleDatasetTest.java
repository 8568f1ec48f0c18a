package io.backroom.sampledata.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.sampledata.model.Charge;
import io.backroom.sampledata.model.ChargeType;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.InvoiceLine;
import io.backroom.sampledata.model.PaymentTerms;
import io.backroom.sampledata.model.Region;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleDatasetTest {
    @TempDir
    Path dir;

    private static Invoice invoice() {
        PaymentTerms terms = new PaymentTerms("2/10 NET 30", 30, new BigDecimal("2.00"), 10);
        InvoiceLine line = new InvoiceLine(1, 1, "ITM-00001", "AB-1", "Widget", new BigDecimal("3"), "EA",
                new BigDecimal("1.10"), new BigDecimal("20.00"), new BigDecimal("3.30"));
        return new Invoice("INV-0000001", "F-2026-17", "SUP-0001", "PO-2026-000001", "S001",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 31), "EUR", terms,
                List.of(line), List.of(new Charge(ChargeType.FREIGHT, "Freight", new BigDecimal("10.00"))),
                new BigDecimal("13.30"), new BigDecimal("2.66"), new BigDecimal("15.96"), "OPEN", null);
    }

    private Manifest manifest(boolean gzip, Map<String, Long> counts) {
        return new Manifest(Manifest.FORMAT_VERSION, "test", "demo", 1, LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 8, 1), LocalDate.of(2026, 10, 1), "Europe/Amsterdam", "EUR", gzip, counts);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsBackExactlyWhatWasWrittenPlainOrGzipped(boolean gzip) {
        DatasetWriter writer = new DatasetWriter(dir, gzip);
        try (DatasetWriter.Sink<Invoice> sink = writer.open(DataFiles.INVOICES)) {
            sink.write(invoice());
            sink.write(invoice());
        }
        writer.writeManifest(manifest(gzip, writer.counts()));

        SampleDataset dataset = SampleDataset.open(dir);

        assertThat(dataset.readAll(DataFiles.INVOICES)).containsExactly(invoice(), invoice());
        assertThat(dataset.manifest().counts()).containsEntry("invoices", 2L);
        assertThat(dataset.has(DataFiles.STORES)).isFalse();
    }

    @Test
    void writesMoneyAsPlainDecimalStrings() throws IOException {
        DatasetWriter writer = new DatasetWriter(dir, false);
        try (DatasetWriter.Sink<Invoice> sink = writer.open(DataFiles.INVOICES)) {
            sink.write(invoice());
        }
        String line = Files.readString(dir.resolve("invoices.jsonl"));
        assertThat(line).contains("\"total\":\"15.96\"").contains("\"invoiceDate\":\"2026-10-01\"").endsWith("}\n");
    }

    @Test
    void namesTheFileAndLineOfABadRecord() throws IOException {
        DatasetWriter writer = new DatasetWriter(dir, false);
        writer.writeManifest(manifest(false, Map.of()));
        Files.writeString(dir.resolve("regions.jsonl"), "{\"id\":\"R1\",\"name\":\"North\"}\n{oops\n",
                StandardCharsets.UTF_8);

        SampleDataset dataset = SampleDataset.open(dir);

        assertThatThrownBy(() -> dataset.readAll(DataFiles.REGIONS))
                .isInstanceOf(SampleDataException.class)
                .hasMessageContaining("regions.jsonl line 2");
        assertThatThrownBy(() -> dataset.readAll(DataFiles.STORES))
                .hasMessageContaining("has no file stores.jsonl");
        assertThat(new Region("R1", "North")).isEqualTo(new Region("R1", "North"));
    }

    @Test
    void refusesAFolderWithoutManifest() {
        assertThatThrownBy(() -> SampleDataset.open(dir)).isInstanceOf(SampleDataException.class)
                .hasMessageContaining("manifest.json");
    }

    @Test
    void refusesPdfPathsOutsideThePdfFolder() {
        DatasetWriter writer = new DatasetWriter(dir, false);
        writer.writeManifest(manifest(false, Map.of()));
        assertThatThrownBy(() -> SampleDataset.open(dir).openPdf("../etc/passwd"))
                .hasMessageContaining("Not a PDF path");
    }
}
