package io.backroom.sdk;

import static io.backroom.sdk.MockGateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.Page;
import io.backroom.api.model.Token;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's usage example is the code of {@link ReadmeExample}, and it runs. */
class ReadmeExampleTest {
    private static final Path README = Path.of("README.md");
    private static final Path SOURCE = Path.of("src/test/java/io/backroom/sdk/ReadmeExample.java");

    @Test
    void readmeShowsExactlyTheCompiledExample() throws IOException {
        String readme = Files.readString(README);
        int marker = readme.indexOf("<!-- example: ReadmeExample -->");
        assertThat(marker).as("README marker").isNotNegative();
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));

        String source = Files.readString(SOURCE);
        String region = source.substring(source.indexOf("// README:begin\n") + "// README:begin\n".length(),
                source.indexOf("// README:end"));
        assertThat(dedent(block)).isEqualTo(dedent(region));
    }

    private static String dedent(String text) {
        List<String> lines = text.lines().collect(Collectors.toList());
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        int indent = lines.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return lines.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }

    @Test
    void exampleRunsAgainstAGateway() {
        try (MockGateway gateway = new MockGateway()) {
            InvoiceSummary a = MockGateway.summary("INV-1001");
            InvoiceSummary b = MockGateway.summary("INV-1002");
            gateway.enqueue(ok(new Token("tok", "Bearer", Instant.parse("2099-01-01T00:00:00Z"), null)))
                    .enqueue(ok(new Page<>(List.of(a), "next")))
                    .enqueue(ok(new Page<>(List.of(b), null)))
                    .enqueue(MockGateway.json(200, java.util.Map.of("id", "INV-1001", "version", 3, "status", InvoiceStatus.ON_HOLD)))
                    .enqueue(MockGateway.problem(412, "precondition-failed", "stale").addHeader("ETag", "\"4\""));
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ReadmeExample.run(gateway.server.url("/").toString(), "pw"::toCharArray, new PrintStream(printed, true, StandardCharsets.UTF_8));

            assertThat(Arrays.asList(printed.toString(StandardCharsets.UTF_8).split("\n"))).containsExactly(
                    "INV-1001 due 2026-12-01 1234.50 EUR []",
                    "INV-1002 due 2026-12-01 1234.50 EUR []",
                    "changed meanwhile (now version 4): reload and decide again");
            gateway.take();
            assertThat(gateway.take().getUrl().queryParameter("sort")).isEqualTo("dueDate");
        }
    }
}
