package io.backroom.app.services.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.Money;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditQuery;
import io.backroom.app.services.models.LocalModels;
import io.backroom.app.services.store.LocalStore;
import io.backroom.ml.BackroomModels;
import io.backroom.ml.documents.HeaderFields;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real supplier PDF (from the demo retailer) read by the real document reader and set beside an ERP invoice. */
class DocumentCheckTest {
    @TempDir
    Path dir;

    private static byte[] demoPdf() throws Exception {
        try (InputStream in = DocumentCheckTest.class.getResourceAsStream("/io/backroom/sampledata/demo/pdfs/INV-0003652.pdf")) {
            assertThat(in).as("a committed demo PDF").isNotNull();
            return in.readAllBytes();
        }
    }

    private static Invoice erp(HeaderFields h, BigDecimal total) {
        return new Invoice("INV-X", InvoiceKind.INVOICE, h.documentNumber(), "SUP-1", "Supplier", h.poReference(), "S-1",
                h.documentDate(), null, h.dueDate(), null, h.currency(), InvoiceStatus.ON_HOLD, List.of(), List.of(),
                new Money(h.subtotal(), h.currency()), new Money(h.taxAmount(), h.currency()), null, new Money(total, h.currency()),
                List.of(), null, null, "erp", List.of(), true, null, List.of(), 1, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void aTotalKeyedDifferentlyFromThePdfIsTheOneFieldMarked() throws Exception {
        byte[] pdf = demoPdf();
        HeaderFields read = BackroomModels.fromClasspath().documentReader().read("x.pdf", pdf).fields();
        try (LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC())) {
            AuditLog audit = new AuditLog(store);
            DocumentCheck check = new DocumentCheck(LocalModels.committed(), audit);

            DocumentCheck.Result same = check.compare(erp(read, read.total()), pdf, "ap.clerk");
            DocumentCheck.Result off = check.compare(erp(read, read.total().add(new BigDecimal("10.00"))), pdf, "ap.clerk");

            assertThat(same.differences()).isZero();
            assertThat(same.summary()).contains("agrees");
            assertThat(off.fields()).filteredOn(f -> !f.agrees()).extracting(DocumentCheck.Field::field).containsExactly("Total");
            assertThat(off.summary()).startsWith("1 field differs");
            assertThat(audit.find(AuditQuery.all())).as("the reading is audited once per invoice and document")
                    .singleElement().satisfies(e -> assertThat(e.modelName()).isEqualTo("document-reader"));
        }
    }

    @Test
    void aPdfThatCannotBeReadSaysSoAndComparesNothing() {
        try (LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC())) {
            DocumentCheck check = new DocumentCheck(LocalModels.committed(), new AuditLog(store));
            HeaderFields h = new HeaderFields("S", "N-1", null, null, "PO-1", "EUR", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE);

            DocumentCheck.Result r = check.compare(erp(h, BigDecimal.ONE), "%PDF-1.4 this is not really a PDF".getBytes(), "ap.clerk");

            assertThat(r.fields()).isEmpty();
            assertThat(r.summary()).startsWith("The PDF's fields could not be read");
        }
    }

    @Test
    void referencesDifferingOnlyInCaseSpacingOrLeadingZerosAgree() {
        assertThat(DocumentCheck.norm("inv-000123")).isEqualTo(DocumentCheck.norm("INV 123"));
        assertThat(DocumentCheck.norm("PO-2026-000930")).isEqualTo(DocumentCheck.norm("po 2026/930"));
        assertThat(DocumentCheck.norm("A-1")).isNotEqualTo(DocumentCheck.norm("A-2"));
    }
}
