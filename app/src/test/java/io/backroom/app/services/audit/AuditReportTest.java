package io.backroom.app.services.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.app.services.store.LocalStore;
import io.backroom.app.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditReportTest {
    @TempDir
    Path dir;

    @Test
    void exportsADateRangeToAPdfAnAuditorCanRead() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (LocalStore store = LocalStore.open(dir.resolve("console.db"), clock)) {
            AuditLog log = new AuditLog(store);
            log.record(AuditLogTest.decision("ana", "INV-OUTSIDE", "RELEASE", null, null));
            clock.advance(Duration.ofDays(1));
            for (int i = 0; i < 120; i++) {
                clock.advance(Duration.ofMinutes(3));
                if (i % 2 == 0) {
                    log.record(AuditLogTest.modelOutput("ana", "INV-" + i));
                } else {
                    log.record(AuditLogTest.decision("ana", "INV-" + i, "REJECT", "price not agreed with buyer " + i,
                            "REQUEST_CREDIT"));
                }
            }
            Path pdf = dir.resolve("reports/audit.pdf");
            int written = new AuditReport(log, clock).export(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"),
                    ZoneOffset.UTC, "ana", pdf);

            assertThat(written).isEqualTo(120);
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                assertThat(doc.getNumberOfPages()).isGreaterThan(1);
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("Backroom audit report").contains("2026-03-02 to 2026-03-02")
                        .contains("Entries in period: 120").contains("Audit log intact")
                        .contains("INV-7").contains("price not agreed with buyer 7")
                        .contains("overrode the model").contains("page 1 of " + doc.getNumberOfPages())
                        .doesNotContain("INV-OUTSIDE");
            }
            assertThat(dir.resolve("reports/audit.pdf.part")).doesNotExist();
        }
    }

    @Test
    void refusesARangeThatEndsBeforeItStarts() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        try (LocalStore store = LocalStore.open(dir.resolve("console.db"), clock)) {
            AuditReport report = new AuditReport(new AuditLog(store), clock);
            assertThatThrownBy(() -> report.export(LocalDate.parse("2026-03-05"), LocalDate.parse("2026-03-01"),
                    ZoneOffset.UTC, "ana", dir.resolve("x.pdf")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before its start date");
        }
    }
}
