package io.backroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiJson;
import io.backroom.api.model.Money;
import io.backroom.api.model.Role;
import io.backroom.api.model.User;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.auth.PendingPasswords;
import io.backroom.gateway.adapter.sandbox.MasterDataWriter;
import io.backroom.gateway.seed.DatasetSeeder;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.TestStores;
import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.io.SampleDataset;
import io.backroom.sampledata.model.Invoice;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo sandbox's supplier PDFs: after the documents are seeded, the committed PDFs are attached byte for byte and
 * every held invoice gets its PDF rendered in its supplier's layout, stored as {@code PUT .../document} would store
 * it; the phase resumes after a stop without attaching anything twice.
 */
class DemoPdfSeedingTest {
    private static final SampleDataset DEMO = SampleDataset.demo();

    @TempDir
    static Path dir;

    static Path file;
    static GatewayServer server;
    static Api clerk;
    static int attachedBeforeStop;

    @BeforeAll
    static void seed() {
        file = dir.resolve("demo.db");
        Clock clock = Clock.systemUTC();
        ObjectMapper mapper = ApiJson.newMapper();
        try (Database db = Database.open(TestStores.of(file), clock)) {
            GatewayCore core = GatewayCore.sandbox(db, mapper, clock);
            DatasetSeeder seeder = new DatasetSeeder(db, core.mirror(), core.refresher(), core.ap(), core.policies(),
                    clock, new PasswordHasher(1000));
            seeder.seed(DEMO, new PendingPasswords());
            db.write(tx -> {
                new MasterDataWriter(tx).user(new User("U-PDF", "pdfclerk", "PDF test clerk", null,
                        List.of(Role.AP_CLERK), null, null, Money.of("10000.00", "EUR"), Money.zero("EUR")),
                        new PasswordHasher(1000).hash("pw-pdfclerk".toCharArray()));
                return null;
            });
            long t0 = System.nanoTime();
            assertThat(seeder.seedDocuments(DEMO, () -> false)).isTrue();
            long t1 = System.nanoTime();
            assertThat(seeder.pdfsPending()).isTrue();
            // stopped after its first chunk, as a shutdown or crash would stop it
            AtomicInteger checks = new AtomicInteger();
            assertThat(seeder.seedPdfs(DEMO, () -> checks.incrementAndGet() > 1)).isFalse();
            assertThat(seeder.pdfsPending()).isTrue();
            attachedBeforeStop = documents(db);
            assertThat(attachedBeforeStop).isPositive();
            assertThat(seeder.seedPdfs(DEMO, () -> false)).isTrue();
            assertThat(seeder.pdfsPending()).isFalse();
            System.out.printf("[demo-pdfs] documents seeded in %d ms; %d PDFs attached (%d before the stop) in %d ms%n",
                    (t1 - t0) / 1_000_000, documents(db), attachedBeforeStop, (System.nanoTime() - t1) / 1_000_000);
        }
        server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, TestStores.of(file), "none", clock));
        clerk = Api.login(server.baseUrl(), "pdfclerk");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static int documents(Database db) {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM documents")).intValue();
    }

    private static long count(String sql) {
        try (Database db = Database.open(TestStores.of(file), Clock.systemUTC())) {
            return db.read(tx -> tx.count(sql));
        }
    }

    private static List<String> ids(String sql) {
        try (Database db = Database.open(TestStores.of(file), Clock.systemUTC())) {
            return db.read(tx -> tx.query(sql, rs -> rs.getString(1)));
        }
    }

    @Test
    void everyHeldInvoiceHasARenderedPdfThatNamesItsInvoiceNumber() throws IOException {
        long held = count(("SELECT COUNT(*) FROM invoices WHERE kind = 'INVOICE' AND hold_codes <> '' "
                + "AND status IN ('ON_HOLD', 'ROUTED_TO_BUYER', 'AWAITING_CREDIT')"));
        long heldWithout = count(("SELECT COUNT(*) FROM invoices WHERE kind = 'INVOICE' AND hold_codes <> '' "
                + "AND status IN ('ON_HOLD', 'ROUTED_TO_BUYER', 'AWAITING_CREDIT') AND has_document = 0"));
        assertThat(held).as("held invoices in the demo sandbox").isGreaterThan(attachedBeforeStop);
        assertThat(heldWithout).as("held invoices without a PDF").isZero();

        JsonNode page = clerk.get("/api/v1/invoices?status=ON_HOLD&limit=20&sort=-total").json();
        assertThat(page.path("items").size()).isEqualTo(20);
        for (JsonNode summary : page.path("items")) {
            String id = summary.path("id").asText();
            HttpResponse<byte[]> pdf = clerk.getBytes("/api/v1/invoices/" + id + "/document");
            assertThat(pdf.statusCode()).as(id).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                    .startsWith("application/pdf"));
            try (PDDocument doc = Loader.loadPDF(pdf.body())) {
                assertThat(doc.getNumberOfPages()).isPositive();
                assertThat(new PDFTextStripper().getText(doc)).as(id).contains(summary.path("invoiceNumber").asText());
            }
            Api.Response inv = clerk.get("/api/v1/invoices/" + id);
            assertThat(inv.json().path("hasDocument").asBoolean()).isTrue();
            assertThat(inv.header("ETag")).isEqualTo("\"" + inv.json().path("version").asLong() + "\"");
            JsonNode history = inv.json().path("history");
            JsonNode last = history.get(history.size() - 1);
            assertThat(last.path("action").asText()).isEqualTo("DOCUMENT_ATTACHED");
            assertThat(last.path("actor").asText()).isEqualTo("erp-sync");
        }
    }

    @Test
    void theCommittedPdfsAreServedByteForByte() {
        List<Invoice> withPdf = DEMO.readAll(DataFiles.INVOICES).stream().filter(i -> i.pdfFile() != null).toList();
        assertThat(withPdf).hasSizeGreaterThanOrEqualTo(20);
        int served = 0;
        for (Invoice i : withPdf) {
            HttpResponse<byte[]> pdf = clerk.getBytes("/api/v1/invoices/" + i.id() + "/document");
            if (clerk.get("/api/v1/invoices/" + i.id()).status() == 404) {
                continue; // an invoice the intake refused has no record to carry it
            }
            assertThat(pdf.statusCode()).as(i.id()).isEqualTo(200);
            assertThat(pdf.body()).as(i.id()).isEqualTo(DEMO.readPdf(i.pdfFile()));
            served++;
        }
        assertThat(served).isEqualTo(withPdf.size());
    }

    @Test
    void attachesLikeAnUploadOnceEachAcrossTheStop() {
        assertThat(ids(("SELECT invoice_id FROM invoice_history WHERE action = 'DOCUMENT_ATTACHED' "
                + "GROUP BY invoice_id HAVING COUNT(*) > 1"))).as("attached twice").isEmpty();
        long documents = count(("SELECT COUNT(*) FROM documents"));
        assertThat(count(("SELECT COUNT(*) FROM invoices WHERE has_document = 1"))).isEqualTo(documents);
        // each attachment is a change event with the version it produced, as for PUT .../document
        assertThat(count(("SELECT COUNT(*) FROM documents d JOIN invoices i ON i.id = d.invoice_id "
                + "WHERE EXISTS (SELECT 1 FROM change_events e WHERE e.resource_id = i.id AND e.type = 'invoice.updated' "
                + "AND e.version = i.version)"))).isEqualTo(documents);
        assertThat(count(("SELECT COUNT(*) FROM documents WHERE uploaded_by <> 'erp-sync'"))).isZero();
    }
}
