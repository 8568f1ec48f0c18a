package io.backroom.sampledata.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.sampledata.io.SampleDataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeterminismTest {
    /** A small retailer: full master data, ten days of history, two POS stores. */
    private static final Preset SMALL = new Preset("small", 250, 160, 40, 5200, 10, 30, 0.2, 2, 3, true);
    /** Half the demo: enough invoices and shifts for the rate ranges to be meaningful. */
    private static final Preset HALF_DEMO = new Preset("half-demo", 250, 160, 40, 5200, 46, 80, 0.3, 24, 14, true);

    @TempDir
    Path dir;

    private Path generate(String name, Preset preset, long seed, GeneratorSettings.PdfMode pdfs) {
        Path out = dir.resolve(name);
        new RetailerGenerator(new GeneratorSettings(preset, seed, GeneratorSettings.DEFAULT_AS_OF, out, preset.gzip(),
                pdfs, 2), Progress.none()).generate();
        return out;
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }

    @Test
    void sameSeedGivesByteIdenticalFilesIncludingPdfs() throws IOException {
        Path a = generate("a", SMALL, 42, GeneratorSettings.PdfMode.SAMPLE);
        Path b = generate("b", SMALL, 42, GeneratorSettings.PdfMode.SAMPLE);

        assertThat(files(a)).isEqualTo(files(b)).hasSizeGreaterThan(20);
        assertThat(files(a)).anyMatch(p -> p.toString().endsWith(".pdf"));
        for (Path f : files(a)) {
            assertThat(Files.readAllBytes(b.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(a.resolve(f)));
        }
    }

    @Test
    void differentSeedsGiveDifferentDataThatStillPassesEveryCheck() throws IOException {
        Path demoOther = generate("other", HALF_DEMO, 7, GeneratorSettings.PdfMode.NONE);
        Path small = generate("small", SMALL, 42, GeneratorSettings.PdfMode.NONE);
        Path smallOther = generate("small-other", SMALL, 43, GeneratorSettings.PdfMode.NONE);

        assertThat(Files.readAllBytes(small.resolve("invoices.jsonl.gz")))
                .isNotEqualTo(Files.readAllBytes(smallOther.resolve("invoices.jsonl.gz")));
        assertThat(Files.readAllBytes(small.resolve("suppliers.jsonl.gz")))
                .isNotEqualTo(Files.readAllBytes(smallOther.resolve("suppliers.jsonl.gz")));

        DatasetIndex other = new DatasetIndex(SampleDataset.open(demoOther));
        DatasetChecks.referentialIntegrity(other);
        DatasetChecks.invoiceLabelsAgreeWithTheData(other);
        DatasetChecks.shiftLabelsAgreeWithTheJournal(other);
        DatasetChecks.ratesInDocumentedRanges(other);
        assertThat(other.dataset.manifest().seed()).isEqualTo(7);
    }

    @Test
    void asOfDateMovesTheWholeDataSetWithoutReadingTheClock() {
        Path out = dir.resolve("earlier");
        new RetailerGenerator(new GeneratorSettings(SMALL, 42, java.time.LocalDate.of(2025, 3, 10), out, false,
                GeneratorSettings.PdfMode.NONE, 0), Progress.none()).generate();
        SampleDataset d = SampleDataset.open(out);
        assertThat(d.manifest().asOf()).isEqualTo(java.time.LocalDate.of(2025, 3, 10));
        try (var invoices = d.stream(io.backroom.sampledata.io.DataFiles.INVOICES)) {
            assertThat(invoices).allMatch(i -> i.receivedOn().isBefore(java.time.LocalDate.of(2025, 3, 10)));
        }
    }
}
