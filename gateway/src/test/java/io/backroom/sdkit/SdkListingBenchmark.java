package io.backroom.sdkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.ApiJson;
import io.backroom.api.ApiVersion;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewInvoiceLine;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.Page;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.store.SqliteDialect;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.InvoiceListParams;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists 100,000 invoice summaries from a real gateway on loopback through the SDK's auto-pager, and
 * through a hand-written OkHttp + Jackson loop over the same pages, alternating in one JVM, and
 * reports the ratio of the medians. Not a {@code *Test}: only the gateway's {@code bench} profile runs it
 * ({@code mvn -Pbench -pl gateway -am verify}); see docs/benchmarks/sdk.md.
 */
class SdkListingBenchmark {
    private static final int INVOICES = Integer.getInteger("bench.invoices", 100_000);
    private static final int PAGE = 500;
    private static final int WARMUP = Integer.getInteger("bench.warmup", 4);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 15);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @TempDir
    Path dir;

    @Test
    void autoPagerCostsLittleOverAHandWrittenLoop() throws Exception {
        Path file = loadInvoices();
        try (SandboxGateway gateway = SandboxGateway.restart(file, Clock.systemUTC(), unlimited());
             BackroomClient client = gateway.client("clerk").build()) {
            String token = signIn(gateway.server.baseUrl());
            OkHttpClient http = new OkHttpClient();
            ObjectMapper mapper = ApiJson.newMapper();
            JavaType pageType = mapper.getTypeFactory().constructParametricType(Page.class, InvoiceSummary.class);
            HttpUrl list = HttpUrl.get(gateway.server.baseUrl() + "/api/v1/invoices");

            List<Long> sdk = new ArrayList<>();
            List<Long> baseline = new ArrayList<>();
            List<Long> sdkCpu = new ArrayList<>();
            List<Long> baselineCpu = new ArrayList<>();
            for (int round = 0; round < WARMUP + ROUNDS; round++) {
                // alternate which goes first, so neither profits from the other's warm caches or pays its GC
                boolean sdkFirst = round % 2 == 0;
                Timed<Tally> viaLoop = null;
                if (!sdkFirst) {
                    viaLoop = timed(() -> viaHandWrittenLoop(http, mapper, pageType, list, token));
                }
                Timed<Tally> viaSdk = timed(() -> viaSdk(client));
                if (sdkFirst) {
                    viaLoop = timed(() -> viaHandWrittenLoop(http, mapper, pageType, list, token));
                }
                assertThat(viaSdk.value()).isEqualTo(viaLoop.value());
                assertThat(viaSdk.value().count()).isEqualTo(INVOICES);
                if (round >= WARMUP) {
                    sdk.add(viaSdk.wallNanos());
                    baseline.add(viaLoop.wallNanos());
                    sdkCpu.add(viaSdk.cpuNanos());
                    baselineCpu.add(viaLoop.cpuNanos());
                }
            }
            report(sdk, baseline, sdkCpu, baselineCpu);
        }
    }

    /** A result with the wall time and the calling thread's CPU time it took. */
    record Timed<T>(T value, long wallNanos, long cpuNanos) {
    }

    /** A pass that may fail with an I/O error. */
    interface Pass<T> {
        T run() throws IOException;
    }

    private static <T> Timed<T> timed(Pass<T> pass) throws IOException {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        T value = pass.run();
        return new Timed<>(value, System.nanoTime() - wall, threads.getCurrentThreadCpuTime() - cpu);
    }

    /** What both ways read, to check they read the same and to keep the JIT from skipping work. */
    record Tally(long count, BigDecimal sumOfTotals, long idHash) {
        static final Tally ZERO = new Tally(0, BigDecimal.ZERO, 0);

        Tally plus(InvoiceSummary s) {
            return new Tally(count + 1, sumOfTotals.add(s.total().amount()), idHash * 31 + s.id().hashCode());
        }
    }

    private static Tally viaSdk(BackroomClient client) {
        Tally tally = Tally.ZERO;
        for (InvoiceSummary s : client.invoices().list(InvoiceListParams.builder().limit(PAGE).build()).autoPager()) {
            tally = tally.plus(s);
        }
        return tally;
    }

    private static Tally viaHandWrittenLoop(OkHttpClient http, ObjectMapper mapper, JavaType pageType, HttpUrl list,
                                            String token) throws IOException {
        Tally tally = Tally.ZERO;
        String cursor = null;
        do {
            HttpUrl.Builder url = list.newBuilder().addQueryParameter("limit", Integer.toString(PAGE));
            if (cursor != null) {
                url.addQueryParameter("cursor", cursor);
            }
            Request request = new Request.Builder().url(url.build()).header("Authorization", "Bearer " + token)
                    .header(ApiVersion.HEADER, ApiVersion.CURRENT).build();
            Page<InvoiceSummary> page;
            try (Response response = http.newCall(request).execute(); InputStream body = response.body().byteStream()) {
                if (!response.isSuccessful()) {
                    throw new IOException("HTTP " + response.code());
                }
                page = mapper.readValue(body, pageType);
            }
            for (InvoiceSummary s : page.items()) {
                tally = tally.plus(s);
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        return tally;
    }

    private static String signIn(String baseUrl) throws IOException {
        Request request = new Request.Builder().url(baseUrl + "/api/v1/auth/token")
                .post(okhttp3.RequestBody.create("{\"username\":\"clerk\",\"password\":\"pw-clerk\"}",
                        okhttp3.MediaType.get("application/json"))).build();
        try (Response response = new OkHttpClient().newCall(request).execute()) {
            return ApiJson.newMapper().readTree(response.body().string()).get("accessToken").asText();
        }
    }

    private static GatewayLimits unlimited() {
        return GatewayLimits.defaults().withRate(1_000_000, 1_000_000);
    }

    /**
     * Sends three real invoices through the gateway (PO, receipt, invoice: one matched, one on hold,
     * one credit-free), then bulk-copies them in SQL to {@link #INVOICES} rows with distinct ids,
     * numbers, dates, totals and statuses, as a bulk ERP import would. The list route reads only the
     * summary columns, which the copy fills like the gateway does.
     */
    private Path loadInvoices() {
        Path file;
        try (SandboxGateway gateway = SandboxGateway.start(dir, Clock.systemUTC(), unlimited());
             BackroomClient clerk = gateway.client("clerk").build()) {
            file = gateway.database;
            for (int i = 1; i <= 3; i++) {
                String n = "T" + i;
                Money price = Money.of("12.50", "EUR");
                Money invoiced = Money.of(i == 2 ? "13.90" : "12.50", "EUR");
                BigDecimal net = invoiced.amount().multiply(BigDecimal.TEN).setScale(2);
                gateway.buyer().purchaseOrders().create(new NewPurchaseOrder("PO-" + n, "SUP-001", "S-001", "U-BUYER", DAY, null, "EUR",
                        PurchaseOrderStatus.OPEN, List.of(new PurchaseOrderLine(1, "IT-001", "Comté", "dairy", BigDecimal.TEN, "EA", price)), null));
                gateway.dock().goodsReceipts().create(new NewGoodsReceipt("GR-" + n, "PO-" + n, "S-001", DAY.plusDays(3), null,
                        List.of(new GoodsReceiptLine(1, BigDecimal.TEN))));
                clerk.invoices().create(new NewInvoice("INV-" + n, InvoiceKind.INVOICE, "N-" + n, "SUP-001", "PO-" + n, "S-001",
                        DAY.plusDays(4), DAY.plusDays(5), DAY.plusDays(34), "EUR",
                        List.of(new NewInvoiceLine(1, 1, "IT-001", "Comté", BigDecimal.TEN, "EA", invoiced, BigDecimal.ZERO,
                                Money.of(net, "EUR"))), List.of(), Money.of("0.00", "EUR"), Money.of(net, "EUR"), null));
            }
        }
        int copies = INVOICES - 3;
        try (Database db = Database.open(file, new SqliteDialect(), Clock.systemUTC())) {
            db.write(tx -> tx.update("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) "
                    + "INSERT INTO invoices (id, seq, kind, invoice_number, number_norm, supplier_id, po_reference, store_id, "
                    + "invoice_date, received_on, due_date, discount_date, currency, status, subtotal, tax_amount, computed_tax, "
                    + "total, total_e4, hold_codes, assignee_user_id, credited_invoice_id, entered_by, edited_by, has_document, "
                    + "body, version, created_at, updated_at, held_at) "
                    + "SELECT printf('INV-B%07d', x), (SELECT MAX(seq) FROM invoices) + x, t.kind, printf('NB-%07d', x), "
                    + "printf('nb%07d', x), t.supplier_id, t.po_reference, t.store_id, t.invoice_date, t.received_on, "
                    + "date(t.due_date, '+' || (x % 90) || ' days'), t.discount_date, t.currency, t.status, "
                    + "printf('%d.%02d', 10 + x % 9000, x % 100), t.tax_amount, t.computed_tax, "
                    + "printf('%d.%02d', 10 + x % 9000, x % 100), (10 + x % 9000) * 10000 + (x % 100) * 100, t.hold_codes, "
                    + "t.assignee_user_id, t.credited_invoice_id, t.entered_by, t.edited_by, t.has_document, t.body, t.version, "
                    + "t.created_at, t.updated_at, t.held_at "
                    + "FROM n JOIN invoices t ON t.id = 'INV-T' || (1 + x % 3)", copies));
            long total = db.read(tx -> tx.count("SELECT COUNT(*) FROM invoices"));
            assertThat(total).isEqualTo(INVOICES);
        }
        return file;
    }

    private static void report(List<Long> sdkNanos, List<Long> baselineNanos, List<Long> sdkCpu, List<Long> baselineCpu)
            throws IOException {
        double sdk = median(sdkNanos) / 1e6;
        double base = median(baselineNanos) / 1e6;
        double sdkC = median(sdkCpu) / 1e6;
        double baseC = median(baselineCpu) / 1e6;
        String text = String.format(java.util.Locale.ROOT,
                "SDK auto-pager vs hand-written OkHttp+Jackson loop, %d invoice summaries, pages of %d, %d rounds after %d warm-up%n"
                        + "  wall time (client + gateway on loopback)%n"
                        + "    sdk      median %.1f ms (%.0f items/s)  all: %s%n"
                        + "    baseline median %.1f ms (%.0f items/s)  all: %s%n"
                        + "    ratio sdk/baseline = %.3f%n"
                        + "  CPU time of the calling thread (the client's own work)%n"
                        + "    sdk      median %.1f ms  all: %s%n"
                        + "    baseline median %.1f ms  all: %s%n"
                        + "    ratio sdk/baseline = %.3f%n",
                INVOICES, PAGE, ROUNDS, WARMUP, sdk, INVOICES / sdk * 1000, millis(sdkNanos), base, INVOICES / base * 1000,
                millis(baselineNanos), sdk / base, sdkC, millis(sdkCpu), baseC, millis(baselineCpu), sdkC / baseC);
        System.out.print(text);
        Path out = Path.of("target", "bench-sdk-listing.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, text, StandardCharsets.UTF_8);
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static List<String> millis(List<Long> nanos) {
        return nanos.stream().map(n -> Long.toString(Duration.ofNanos(n).toMillis())).toList();
    }
}
