package io.backroom.sampledata.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.sampledata.generator.GeneratorSettings;
import io.backroom.sampledata.generator.Preset;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GenerateCommandTest {
    @Test
    void parsesTheDocumentedCommandLine() {
        GeneratorSettings s = GenerateCommand.parse(new String[] {"generate", "--preset", "large", "--seed", "9",
            "--out", "/tmp/x", "--pdf"});
        assertThat(s.preset()).isEqualTo(Preset.LARGE);
        assertThat(s.seed()).isEqualTo(9);
        assertThat(s.out()).isEqualTo(Path.of("/tmp/x"));
        assertThat(s.pdfs()).isEqualTo(GeneratorSettings.PdfMode.ALL);
        assertThat(s.gzip()).isFalse();
        assertThat(s.asOf()).isEqualTo(GeneratorSettings.DEFAULT_AS_OF);
    }

    @Test
    void acceptsSamplingAsOfAndGzipOptions() {
        GeneratorSettings s = GenerateCommand.parse(new String[] {"--preset", "demo", "--seed", "1", "--out", "d",
            "--pdf-sample", "3", "--as-of", "2025-01-31", "--no-gzip"});
        assertThat(s.pdfs()).isEqualTo(GeneratorSettings.PdfMode.SAMPLE);
        assertThat(s.pdfsPerLayout()).isEqualTo(3);
        assertThat(s.asOf()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(s.gzip()).isFalse();
    }

    @Test
    void namesWhatIsWrongWithBadArguments() {
        assertThatThrownBy(() -> GenerateCommand.parse(new String[] {"--preset", "huge", "--seed", "1", "--out", "d"}))
                .hasMessageContaining("Unknown preset 'huge'");
        assertThatThrownBy(() -> GenerateCommand.parse(new String[] {"--preset", "demo", "--seed", "x", "--out", "d"}))
                .hasMessageContaining("--seed needs a whole number, got 'x'");
        assertThatThrownBy(() -> GenerateCommand.parse(new String[] {"--preset", "demo", "--out", "d"}))
                .hasMessageContaining("--seed is required");
        assertThatThrownBy(() -> GenerateCommand.parse(new String[] {"--preset", "demo", "--seed", "1", "--out"}))
                .hasMessageContaining("--out needs a value");
        assertThatThrownBy(() -> GenerateCommand.parse(new String[] {"--bogus"}))
                .hasMessageContaining("unknown argument '--bogus'");
        assertThatThrownBy(() -> GenerateCommand.parse(new String[] {"--preset", "demo", "--seed", "1", "--out", "d",
            "--as-of", "yesterday"})).hasMessageContaining("--as-of needs a date");
    }
}
