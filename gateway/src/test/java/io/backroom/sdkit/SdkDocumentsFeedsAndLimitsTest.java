package io.backroom.sdkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.AuditChain;
import io.backroom.api.model.AuditBatch;
import io.backroom.api.model.AuditBatchResult;
import io.backroom.api.model.AuditEvent;
import io.backroom.api.model.ChangeEvent;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewAuditEvent;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewInvoiceLine;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.gateway.GatewayLimits;
import io.backroom.sdk.AuditEventListParams;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.BackroomServiceException;
import io.backroom.sdk.ChangeEventListParams;
import io.backroom.sdk.Download;
import io.backroom.sdk.PreconditionFailedException;
import io.backroom.sdk.RequestMetrics;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Documents, the change feed, the audit chain, metrics and the rate limiter, through the SDK and a real gateway. */
class SdkDocumentsFeedsAndLimitsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    private static void intake(SandboxGateway gateway, BackroomClient clerk, String n) {
        Money price = Money.of("12.50", "EUR");
        gateway.buyer().purchaseOrders().create(new NewPurchaseOrder("PO-" + n, "SUP-001", "S-001", "U-BUYER", TODAY.minusDays(9), null,
                "EUR", PurchaseOrderStatus.OPEN, List.of(new PurchaseOrderLine(1, "IT-001", "Comté", "dairy", BigDecimal.TEN, "EA", price)), null));
        gateway.dock().goodsReceipts().create(new NewGoodsReceipt("GR-" + n, "PO-" + n, "S-001", TODAY.minusDays(2), null,
                List.of(new GoodsReceiptLine(1, BigDecimal.TEN))));
        clerk.invoices().create(new NewInvoice("INV-" + n, InvoiceKind.INVOICE, "N-" + n, "SUP-001", "PO-" + n, "S-001",
                TODAY.minusDays(1), TODAY, TODAY.plusDays(30), "EUR",
                List.of(new NewInvoiceLine(1, 1, "IT-001", "Comté", BigDecimal.TEN, "EA", price, BigDecimal.ZERO, Money.of("125.00", "EUR"))),
                List.of(), Money.of("0.00", "EUR"), Money.of("125.00", "EUR"), null));
    }

    /** A small but well-formed PDF whose page content is padded to {@code size} bytes. */
    static byte[] pdf(int size) {
        String padding = "% " + "x".repeat(70) + "\n";
        StringBuilder stream = new StringBuilder("BT /F1 12 Tf 72 720 Td (Invoice N-1) Tj ET\n");
        while (stream.length() < size) {
            stream.append(padding);
        }
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + stream.length() + " >>\nstream\n" + stream + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        StringBuilder out = new StringBuilder("%PDF-1.4\n");
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.length());
            out.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = out.length();
        out.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        offsets.forEach(o -> out.append(String.format("%010d 00000 n \n", o)));
        out.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void uploadsAndStreamsBackTheSuppliersPdf() throws Exception {
        try (SandboxGateway gateway = SandboxGateway.start(dir, Clock.systemUTC());
             BackroomClient clerk = gateway.client("clerk").build()) {
            intake(gateway, clerk, "1");
            long version = clerk.invoices().get("INV-1").version();
            byte[] pdf = pdf(3 * 1024 * 1024);
            Path file = dir.resolve("supplier.pdf");
            Files.write(file, pdf);

            long newVersion = clerk.invoices().attachDocument("INV-1", version, file);
            assertThat(newVersion).isGreaterThan(version);
            assertThat(clerk.invoices().get("INV-1").hasDocument()).isTrue();
            assertThatThrownBy(() -> clerk.invoices().attachDocument("INV-1", version, file))
                    .isInstanceOf(PreconditionFailedException.class);

            try (Download download = clerk.invoices().document("INV-1")) {
                assertThat(download.contentType()).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
                ByteArrayOutputStream copy = new ByteArrayOutputStream();
                assertThat(download.transferTo(copy)).isEqualTo(pdf.length);
                assertThat(copy.toByteArray()).isEqualTo(pdf);
            }
            Path saved = dir.resolve("back.pdf");
            clerk.invoices().document("INV-1").saveTo(saved);
            assertThat(saved).hasBinaryContent(pdf);
        }
    }

    @Test
    void followsTheChangeFeedAndReadsMetrics() {
        try (SandboxGateway gateway = SandboxGateway.start(dir, Clock.systemUTC());
             BackroomClient clerk = gateway.client("clerk").build()) {
            intake(gateway, clerk, "1");
            List<ChangeEvent> events = clerk.events().list(ChangeEventListParams.builder().limit(2).build()).autoPager().stream().toList();
            assertThat(events).extracting(ChangeEvent::resourceId).contains("PO-1", "GR-1", "INV-1");
            String caughtUp = events.get(events.size() - 1).cursor();
            assertThat(clerk.events().list(ChangeEventListParams.builder().after(caughtUp).build()).items()).isEmpty();
            intake(gateway, clerk, "2");
            assertThat(clerk.events().list(ChangeEventListParams.builder().after(caughtUp).build()).autoPager().stream()
                    .map(ChangeEvent::resourceId).toList()).contains("INV-2");
            assertThat(clerk.metrics().accountsPayable().invoices()).isEqualTo(2);
        }
    }

    @Test
    void appendsAHashChainedAuditBatchAndRefusesABrokenChain() {
        try (SandboxGateway gateway = SandboxGateway.start(dir, Clock.systemUTC());
             BackroomClient clerk = gateway.client("clerk").build();
             BackroomClient supervisor = gateway.client("supervisor").build()) {
            String source = "console-7";
            NewAuditEvent first = AuditChain.seal(source, new NewAuditEvent(1, Instant.parse("2026-11-26T08:00:00Z"), "clerk",
                    "invoice.viewed", "invoice", "INV-1", "{}", AuditChain.GENESIS, null));
            NewAuditEvent second = AuditChain.seal(source, new NewAuditEvent(2, Instant.parse("2026-11-26T08:01:00Z"), "clerk",
                    "invoice.note", "invoice", "INV-1", "{\"note\":\"called supplier\"}", first.hash(), null));
            AuditBatchResult result = clerk.audit().append(new AuditBatch(source, List.of(first, second)));
            assertThat(result.accepted()).isEqualTo(2);
            assertThat(clerk.audit().append(new AuditBatch(source, List.of(first, second))).alreadyKnown()).isEqualTo(2);

            NewAuditEvent forged = new NewAuditEvent(3, Instant.parse("2026-11-26T08:02:00Z"), "clerk", "x", "invoice", "INV-1",
                    "{}", second.hash(), "f".repeat(64));
            assertThatThrownBy(() -> clerk.audit().append(new AuditBatch(source, List.of(forged))))
                    .isInstanceOfSatisfying(BackroomServiceException.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.type()).endsWith("/audit-chain-broken");
                    });
            assertThat(supervisor.audit().list(AuditEventListParams.builder().source(source).build()).autoPager().stream()
                    .map(AuditEvent::sequence).toList()).containsExactly(1L, 2L);
        }
    }

    @Test
    void waitsOutTheRateLimiterAsItsRetryAfterSays() {
        List<Duration> waits = new CopyOnWriteArrayList<>();
        List<RequestMetrics> attempts = new CopyOnWriteArrayList<>();
        try (SandboxGateway gateway = SandboxGateway.start(dir, Clock.systemUTC(), GatewayLimits.defaults().withRate(20, 1));
             BackroomClient clerk = gateway.client("clerk").metricsListener(attempts::add).sleeper(d -> {
                 waits.add(d);
                 Thread.sleep(d.toMillis());
             }).build()) {
            for (int i = 0; i < 3; i++) {
                assertThat(clerk.me().user().username()).isEqualTo("clerk");
            }
        }
        assertThat(attempts).anyMatch(a -> a.status() == 429 && a.willRetry());
        assertThat(waits).isNotEmpty().allMatch(d -> d.equals(Duration.ofSeconds(1)));
    }
}
