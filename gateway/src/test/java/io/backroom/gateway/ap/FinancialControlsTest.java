package io.backroom.gateway.ap;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.AuditChain;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.NewAuditEvent;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.Docs;
import io.backroom.gateway.support.GatewayFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The controls a finance auditor checks first (issue 21, items 1-4), over real HTTP: release limits and separation
 * of duties are not bypassed through a goods receipt, one person cannot order, receive and invoice, audit events are
 * recorded as the signed-in user only, and regional users read their region only.
 */
class FinancialControlsTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @TempDir
    static Path dir;

    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = new GatewayFixture(dir);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String newPo(String by, String... qtyPrice) {
        String id = "PO-FC-" + SEQ.incrementAndGet();
        Api.Response r = gw.as(by).post("/api/v1/purchase-orders", po(id, qtyPrice));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private static Invoice key(String by, Docs.Invoice inv) {
        Api.Response r = gw.as(by).post("/api/v1/invoices", inv.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.as(Invoice.class);
    }

    private static Invoice reload(String id) {
        return gw.as("supervisor").get("/api/v1/invoices/" + id).as(Invoice.class);
    }

    private static Api.Response release(String by, Invoice inv) {
        return gw.as(by).post("/api/v1/invoices/" + inv.id() + "/decisions", Map.of("type", "RELEASE"), "If-Match",
                "\"" + inv.version() + "\"");
    }

    private static String number() {
        return "FC-" + SEQ.incrementAndGet();
    }

    // ---- 1. the re-match after a receipt does not release what its author could not ----

    @Test
    void aReceiptByAClerkDoesNotReleaseAnInvoiceAboveTheClerksLimit() {
        String po = newPo("purchasing", "10", "2000.00");
        Invoice inv = key("integration", invoice(number(), po).line(1, "10", "2000.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.NO_RECEIPT);

        Api.Response received = gw.as("clerk").post("/api/v1/goods-receipts", receipt(po, 1, 10));
        assertThat(received.status()).as(received.body()).isEqualTo(201);

        Invoice after = reload(inv.id());
        assertThat(after.openHoldCodes()).isEmpty();
        assertThat(after.status()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(after.posting()).isNull();
        assertThat(after.history()).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("NO_HOLD_LEFT");
            assertThat(h.detail()).contains("release limit");
        });
        assertThat(release("clerk2", after).status()).isEqualTo(403);
        assertThat(release("supervisor", after).status()).isEqualTo(200);
    }

    @Test
    void aTinyReceiptThatDoesNotCoverTheInvoiceReleasesNothingEvenWithinTolerance() {
        // SUP-2 tolerates invoicing up to 100 % over what was received; the receipt still has to cover the invoice
        Api admin = gw.as("admin");
        Api.Response policy = admin.get("/api/v1/policies/tolerances");
        Map<String, Object> body = new HashMap<>(Map.of("global", policy.json().path("global"),
                "categories", Map.of(), "suppliers", Map.of("SUP-2", Map.of("quantityOverReceiptPercent", 100))));
        Api.Response put = admin.put("/api/v1/policies/tolerances", body, "If-Match", policy.header("ETag"));
        assertThat(put.status()).as(put.body()).isEqualTo(200);

        Map<String, Object> order = new HashMap<>(po("PO-FC-SUP2-" + SEQ.incrementAndGet(), "10", "5.00"));
        order.put("supplierId", "SUP-2");
        String po = (String) order.get("id");
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", order).status()).isEqualTo(201);
        Invoice inv = key("integration", invoice(number(), po).set("supplierId", "SUP-2").line(1, "10", "5.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.NO_RECEIPT);

        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt(po, 1, "6")).status()).isEqualTo(201);
        Invoice after = reload(inv.id());
        assertThat(after.openHoldCodes()).isEmpty();
        assertThat(after.status()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(after.history()).anySatisfy(h -> assertThat(h.detail()).contains("do not cover"));

        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt(po, 1, "4")).status()).isEqualTo(201);
        assertThat(reload(inv.id()).status()).isEqualTo(InvoiceStatus.RELEASED);
    }

    @Test
    void whoeverCorrectedAnInvoiceCannotReleaseItThroughAReceiptNorReceiveItsGoods() {
        String po = newPo("purchasing", "10", "5.00");
        Invoice inv = key("integration", invoice(number(), po).line(1, "10", "5.40"));
        assertThat(inv.openHoldCodes()).containsExactlyInAnyOrder(HoldCode.PRICE_VARIANCE, HoldCode.NO_RECEIPT);
        Api.Response corrected = gw.as("clerk").patch("/api/v1/invoices/" + inv.id(), Map.of("reason", "keyed wrongly",
                "lines", List.of(Map.of("lineNo", 1, "unitPrice", Docs.money("5.00"))), "taxAmount", Docs.money("10.00"),
                "total", Docs.money("60.00")), "If-Match", "\"" + inv.version() + "\"");
        assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);

        Api.Response byCorrector = gw.as("clerk").post("/api/v1/goods-receipts", receipt(po, 1, "0.001"));
        assertThat(byCorrector.status()).isEqualTo(403);
        assertThat(byCorrector.json().path("detail").asText()).contains("separation of duties");

        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt(po, 1, 10)).status()).isEqualTo(201);
        Invoice after = reload(inv.id());
        assertThat(after.openHoldCodes()).isEmpty();
        assertThat(after.status()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(release("clerk", after).status()).isEqualTo(403);
        assertThat(release("clerk2", after).status()).isEqualTo(200);
    }

    // ---- 2. one person cannot order, receive and invoice ----

    @Test
    void theOrdererMayNotReceiveKeyOrReleaseAndTheReceiverMayNotKey() {
        String po = newPo("clerk", "10", "100066.00");
        Api.Response receipt = gw.as("clerk").post("/api/v1/goods-receipts", receipt(po, 1, 10));
        assertThat(receipt.status()).isEqualTo(403);
        assertThat(receipt.problemType()).isEqualTo("forbidden");
        assertThat(receipt.json().path("detail").asText()).contains("separation of duties").contains("receiv");
        Api.Response keyed = gw.as("clerk").post("/api/v1/invoices", invoice(number(), po).line(1, "10", "100066.00")
                .build());
        assertThat(keyed.status()).isEqualTo(403);
        assertThat(keyed.json().path("detail").asText()).contains("separation of duties");

        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt(po, 1, 10)).status()).isEqualTo(201);
        Api.Response byReceiver = gw.as("dock").post("/api/v1/invoices", invoice(number(), po)
                .line(1, "10", "100066.00").build());
        assertThat(byReceiver.status()).isEqualTo(403);

        String supervised = newPo("supervisor", "10", "5.00");
        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt(supervised, 1, 10)).status()).isEqualTo(201);
        Invoice held = key("integration", invoice(number(), supervised).line(1, "10", "5.40"));
        Api.Response byOrderer = release("supervisor", held);
        assertThat(byOrderer.status()).isEqualTo(403);
        assertThat(byOrderer.json().path("detail").asText()).contains("raised purchase order");
        assertThat(release("clerk", held).status()).isEqualTo(200);
    }

    @Test
    void threeDifferentPeopleRunTheFlowEndToEnd() {
        String po = newPo("purchasing", "10", "5.00");
        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt(po, 1, 10)).status()).isEqualTo(201);
        Invoice inv = key("clerk", invoice(number(), po).line(1, "10", "5.00"));
        assertThat(inv.status()).isEqualTo(InvoiceStatus.MATCHED);
    }

    // ---- 3. audit events cannot be forged ----

    private static List<NewAuditEvent> chain(String source, String actor, int from, String prev, int count) {
        List<NewAuditEvent> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            NewAuditEvent e = AuditChain.seal(source, new NewAuditEvent(i, Instant.parse("2026-11-26T10:00:00Z")
                    .plusSeconds(i), actor, "DECISION", "invoice", "INV-" + i, "{}", prev, null));
            events.add(e);
            prev = e.hash();
        }
        return events;
    }

    @Test
    void anAuditEventNamingAnotherActorOrForAnotherUsersSourceIsRefused() {
        Api analyst = gw.as("analyst");
        Api.Response forged = analyst.post("/api/v1/audit-events", Map.of("source", "console-lp",
                "events", chain("console-lp", "supervisor", 1, AuditChain.GENESIS, 1)));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("detail").asText()).contains("actor");

        List<NewAuditEvent> mine = chain("console-lp", "analyst", 1, AuditChain.GENESIS, 2);
        assertThat(analyst.post("/api/v1/audit-events", Map.of("source", "console-lp", "events", mine)).status())
                .isEqualTo(200);
        Api.Response intruder = gw.as("clerk").post("/api/v1/audit-events", Map.of("source", "console-lp",
                "events", chain("console-lp", "clerk", 3, mine.get(1).hash(), 1)));
        assertThat(intruder.status()).isEqualTo(403);
        assertThat(intruder.json().path("detail").asText()).contains("belongs to another user");
        assertThat(gw.as("admin").get("/api/v1/audit-events?source=console-lp").json().path("items"))
                .allSatisfy(e -> assertThat(e.path("actor").asText()).isEqualTo("analyst"));
    }

    // ---- 4. regional scope ----

    @Test
    void aRegionalManagerReadsOnlyTheInvoicesAndOrdersOfTheirRegion() {
        Map<String, Object> north = new HashMap<>(po("PO-FC-R2-" + SEQ.incrementAndGet(), "1", "5.00"));
        north.put("storeId", "S-101");
        String northPo = (String) north.get("id");
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", north).status()).isEqualTo(201);
        Invoice inR2 = key("integration", invoice(number(), northPo).line(1, "1", "5.00"));
        String southPo = newPo("purchasing", "1", "5.00");
        Invoice inR1 = key("integration", invoice(number(), southPo).line(1, "1", "5.00"));
        assertThat(inR2.storeId()).isEqualTo("S-101");

        Api r1 = gw.as("buyer"); // regional manager of R-1
        assertThat(r1.get("/api/v1/invoices/" + inR2.id()).status()).isEqualTo(404);
        assertThat(r1.get("/api/v1/invoices/" + inR1.id()).status()).isEqualTo(200);
        assertThat(r1.get("/api/v1/purchase-orders/" + northPo).status()).isEqualTo(404);
        assertThat(r1.get("/api/v1/invoice-details?ids=" + inR2.id() + "," + inR1.id()).json().path("items"))
                .hasSize(1);
        List<String> stores = new ArrayList<>();
        r1.get("/api/v1/invoices?limit=500").json().path("items").forEach(i -> stores.add(i.path("storeId").asText()));
        assertThat(stores).isNotEmpty().doesNotContain("S-101");
        List<String> poStores = new ArrayList<>();
        r1.get("/api/v1/purchase-orders?limit=500").json().path("items")
                .forEach(p -> poStores.add(p.path("storeId").asText()));
        assertThat(poStores).doesNotContain("S-101");

        Api r2 = gw.as("north");
        assertThat(r2.get("/api/v1/invoices/" + inR2.id()).status()).isEqualTo(200);
        assertThat(r2.get("/api/v1/invoices/" + inR1.id()).status()).isEqualTo(404);
        r2.get("/api/v1/invoices?limit=500").json().path("items")
                .forEach(i -> assertThat(i.path("storeId").asText()).isEqualTo("S-101"));
        // a company-wide role still reads everything
        assertThat(gw.as("clerk").get("/api/v1/invoices/" + inR2.id()).status()).isEqualTo(200);
    }
}
