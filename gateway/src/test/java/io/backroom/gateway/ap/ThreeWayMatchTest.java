package io.backroom.gateway.ap;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.Docs;
import io.backroom.gateway.support.GatewayFixture;
import io.backroom.gateway.support.TestRetailer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every hold code and re-match rule of docs/three-way-match.md, over real HTTP against a real database. */
class ThreeWayMatchTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @TempDir
    static Path dir;

    static GatewayFixture gw;
    static Api clerk;

    @BeforeAll
    static void start() {
        gw = new GatewayFixture(dir);
        clerk = gw.as("integration");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String newPo(String... qtyPrice) {
        String id = "PO-M-" + SEQ.incrementAndGet();
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", po(id, qtyPrice)).status()).isEqualTo(201);
        return id;
    }

    private static void receive(String poId, Object... lineQty) {
        Api.Response r = gw.as("dock").post("/api/v1/goods-receipts", receipt(poId, lineQty));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static Invoice send(Docs.Invoice inv) {
        Api.Response r = clerk.post("/api/v1/invoices", inv.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.as(Invoice.class);
    }

    private static Invoice reload(String id) {
        return clerk.get("/api/v1/invoices/" + id).as(Invoice.class);
    }

    private static String number() {
        return "N-" + SEQ.incrementAndGet();
    }

    @Test
    void matchesACleanInvoiceAndPostsIt() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice inv = send(invoice(number(), po).line(1, "10", "5.00").set("invoiceDate", "2026-11-06")
                .set("dueDate", "2026-12-06"));
        assertThat(inv.status()).isEqualTo(InvoiceStatus.MATCHED);
        assertThat(inv.holds()).isEmpty();
        assertThat(inv.posting()).isNotNull();
        assertThat(inv.posting().amount().amount()).isEqualByComparingTo("60.00");
        assertThat(inv.lines().get(0).match().receivedQuantity()).isEqualByComparingTo("10");
        assertThat(inv.discountDate()).isEqualTo(java.time.LocalDate.parse("2026-11-16"));
    }

    @Test
    void holdsAPriceAboveThePercentageTolerance() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice inv = send(invoice(number(), po).line(1, "10", "5.15"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.PRICE_VARIANCE);
        assertThat(inv.lines().get(0).match().breaches()).extracting(b -> b.rule()).containsExactly("priceUpperPercent");
        assertThat(inv.lines().get(0).match().priceVariancePercent()).isEqualByComparingTo("3");
    }

    @Test
    void holdsAPriceWithinThePercentageButAboveTheAbsoluteLimit() {
        String po = newPo("1000", "10.00");
        receive(po, 1, 1000);
        Invoice inv = send(invoice(number(), po).line(1, "1000", "10.15"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.PRICE_VARIANCE);
        assertThat(inv.lines().get(0).match().breaches()).extracting(b -> b.rule()).containsExactly("priceUpperAmount");
        assertThat(inv.lines().get(0).match().lineVariance().amount()).isEqualByComparingTo("150.00");
    }

    @Test
    void releasesAPriceWithinBothLimits() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        assertThat(send(invoice(number(), po).line(1, "10", "5.05")).status()).isEqualTo(InvoiceStatus.MATCHED);
    }

    @Test
    void neverBlocksPayingLessByDefault() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        assertThat(send(invoice(number(), po).line(1, "10", "3.00")).status()).isEqualTo(InvoiceStatus.MATCHED);
    }

    @Test
    void holdsAnInvoiceThatArrivesBeforeItsReceiptAndReleasesItWhenTheGoodsArrive() {
        String po = newPo("10", "5.00");
        Invoice inv = send(invoice(number(), po).line(1, "10", "5.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.NO_RECEIPT);
        receive(po, 1, 10);
        Invoice after = reload(inv.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(after.openHoldCodes()).isEmpty();
        assertThat(after.holds()).allSatisfy(h -> assertThat(h.resolvedBy()).isEqualTo("system"));
        assertThat(after.posting()).isNotNull();
        assertThat(after.history()).extracting(h -> h.action()).contains("REMATCHED", "DECISION:RELEASE");
        assertThat(after.version()).isGreaterThan(inv.version());
    }

    @Test
    void holdsOverReceiptUntilPartialReceiptsAddUp() {
        String po = newPo("100", "1.00");
        receive(po, 1, 60);
        Invoice inv = send(invoice(number(), po).line(1, "100", "1.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.QTY_OVER_RECEIPT);
        receive(po, 1, 25);
        assertThat(reload(inv.id()).status()).isEqualTo(InvoiceStatus.ON_HOLD);
        receive(po, 1, 15);
        Invoice after = reload(inv.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(after.lines().get(0).match().receivedQuantity()).isEqualByComparingTo("100");
    }

    @Test
    void countsEarlierInvoicesOfThePoLineCumulatively() {
        String po = newPo("100", "1.00");
        receive(po, 1, 60);
        assertThat(send(invoice(number(), po).line(1, "60", "1.00")).status()).isEqualTo(InvoiceStatus.MATCHED);
        Invoice second = send(invoice(number(), po).line(1, "40", "1.00"));
        assertThat(second.openHoldCodes()).containsExactly(HoldCode.QTY_OVER_RECEIPT);
        assertThat(second.lines().get(0).match().previouslyInvoicedQuantity()).isEqualByComparingTo("60");
        assertThat(second.lines().get(0).match().cumulativeInvoicedQuantity()).isEqualByComparingTo("100");
        receive(po, 1, 40);
        assertThat(reload(second.id()).status()).isEqualTo(InvoiceStatus.RELEASED);
    }

    @Test
    void holdsInvoicedQuantityBeyondTheOrder() {
        String po = newPo("10", "5.00");
        receive(po, 1, 12);
        Invoice inv = send(invoice(number(), po).line(1, "12", "5.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.QTY_OVER_ORDER);
    }

    @Test
    void holdsUnplannedFreightAboveItsTolerance() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        assertThat(send(invoice(number(), po).line(1, "10", "5.00").freight("60.00")).openHoldCodes())
                .containsExactly(HoldCode.UNPLANNED_CHARGE);
        String po2 = newPo("10", "5.00");
        receive(po2, 1, 10);
        assertThat(send(invoice(number(), po2).line(1, "10", "5.00").freight("40.00")).status())
                .isEqualTo(InvoiceStatus.MATCHED);
    }

    @Test
    void holdsTaxThatDiffersFromTheComputedTax() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice inv = send(invoice(number(), po).line(1, "10", "5.00").tax("15.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.TAX_VARIANCE);
        assertThat(inv.computedTax().amount()).isEqualByComparingTo("10.00");
    }

    @Test
    void holdsATotalThatIsNotLinesPlusChargesPlusTax() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        assertThat(send(invoice(number(), po).line(1, "10", "5.00").total("70.00")).openHoldCodes())
                .containsExactly(HoldCode.TOTAL_MISMATCH);
    }

    @Test
    void holdsADuplicateNumberIgnoringCaseSpacesDashesAndLeadingZeros() {
        String po = newPo("10", "5.00", "10", "5.00");
        receive(po, 1, 10, 2, 10);
        String n = "INV-000" + SEQ.incrementAndGet();
        assertThat(send(invoice(n, po).line(1, "10", "5.00")).status()).isEqualTo(InvoiceStatus.MATCHED);
        String variant = " inv " + n.substring(7) + " ";
        Invoice dup = send(invoice(variant, po).line(2, "10", "5.00").set("invoiceDate", "2019-06-07"));
        assertThat(dup.openHoldCodes()).containsExactly(HoldCode.DUPLICATE);
    }

    @Test
    void holdsASuspectedDuplicateWithTheSameAmountAndDateUnderAnotherNumber() {
        String po = newPo("10", "5.00", "10", "5.00");
        receive(po, 1, 10, 2, 10);
        assertThat(send(invoice(number(), po).line(1, "10", "5.00").set("invoiceDate", "2019-05-05"))
                .status()).isEqualTo(InvoiceStatus.MATCHED);
        Invoice suspect = send(invoice(number(), po).line(2, "10", "5.00").set("invoiceDate", "2019-05-05"));
        assertThat(suspect.openHoldCodes()).containsExactly(HoldCode.SUSPECTED_DUPLICATE);
    }

    @Test
    void holdsAnUnknownOrClosedPurchaseOrder() {
        Invoice unknown = send(invoice(number(), "PO-DOES-NOT-EXIST").line(1, "1", "1.00"));
        assertThat(unknown.openHoldCodes()).containsExactly(HoldCode.PO_INVALID);
        assertThat(unknown.holds().get(0).message()).contains("does not exist");
        Map<String, Object> closed = new java.util.HashMap<>(po("PO-CLOSED-" + SEQ.incrementAndGet(), "1", "1.00"));
        closed.put("status", "CLOSED");
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", closed).status()).isEqualTo(201);
        Invoice onClosed = send(invoice(number(), (String) closed.get("id")).line(1, "1", "1.00"));
        assertThat(onClosed.openHoldCodes()).containsExactly(HoldCode.PO_INVALID);
        assertThat(onClosed.holds().get(0).message()).contains("CLOSED");
    }

    @Test
    void holdsAnInvoiceLineNamingAPoLineThePoDoesNotHave() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice inv = send(invoice(number(), po).line(7, "10", "5.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.PO_INVALID);
        assertThat(inv.holds().get(0).lineNo()).isEqualTo(1);
    }

    @Test
    void holdsEveryInvoiceOfABlockedSupplier() {
        Invoice inv = send(invoice(number(), "PO-NONE").set("supplierId", TestRetailer.BLOCKED_SUPPLIER)
                .line(1, "1", "1.00"));
        assertThat(inv.openHoldCodes()).contains(HoldCode.SUPPLIER_BLOCKED);
    }

    @Test
    void aMatchingCreditNoteClosesAnInvoiceAwaitingCredit() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice inv = send(invoice(number(), po).line(1, "10", "6.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.PRICE_VARIANCE);
        Api clerk2 = gw.as("clerk2");
        Api.Response decided = clerk2.post("/api/v1/invoices/" + inv.id() + "/decisions",
                Map.of("type", "REQUEST_CREDIT", "note", "price should be 5.00"), "If-Match", "\"" + inv.version() + "\"");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(reload(inv.id()).status()).isEqualTo(InvoiceStatus.AWAITING_CREDIT);
        Map<String, Object> credit = Map.of("kind", "CREDIT_NOTE", "invoiceNumber", "CN-" + SEQ.incrementAndGet(),
                "supplierId", TestRetailer.SUPPLIER, "creditedInvoiceId", inv.id(), "invoiceDate", "2026-11-10",
                "dueDate", "2026-11-10", "currency", "EUR",
                "lines", List.of(Map.of("lineNo", 1, "poLineNo", 1, "quantity", 0, "netAmount", Docs.money("10.00"),
                        "taxRate", 20)),
                "taxAmount", Docs.money("2.00"), "total", Docs.money("12.00"));
        Api.Response cn = clerk.post("/api/v1/invoices", credit);
        assertThat(cn.status()).as(cn.body()).isEqualTo(201);
        assertThat(cn.json().path("status").asText()).isEqualTo("APPLIED");
        Invoice after = reload(inv.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(after.lines().get(0).match().invoiceUnitPrice().amount()).isEqualByComparingTo("5.00");
        JsonNode history = clerk.get("/api/v1/invoices/" + inv.id()).json().path("history");
        assertThat(history.toString()).contains("credit note");
    }

    @Test
    void reMatchesLaterInvoicesWhenAnEarlierOneIsRejected() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice first = send(invoice(number(), po).line(1, "10", "5.40"));
        assertThat(first.openHoldCodes()).containsExactly(HoldCode.PRICE_VARIANCE);
        Invoice second = send(invoice(number(), po).line(1, "10", "5.00").set("invoiceDate", "2019-07-08"));
        assertThat(second.openHoldCodes()).containsExactlyInAnyOrder(HoldCode.QTY_OVER_RECEIPT, HoldCode.QTY_OVER_ORDER);
        Api.Response rejected = gw.as("clerk2").post("/api/v1/invoices/" + first.id() + "/decisions",
                Map.of("type", "REJECT", "reason", "wrong price"), "If-Match", Long.toString(first.version()));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        Invoice after = reload(second.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(after.lines().get(0).match().previouslyInvoicedQuantity()).isEqualByComparingTo(BigDecimal.ZERO);
    }
}
