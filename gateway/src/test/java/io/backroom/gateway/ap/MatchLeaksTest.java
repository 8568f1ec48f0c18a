package io.backroom.gateway.ap;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.Docs;
import io.backroom.gateway.support.GatewayFixture;
import io.backroom.gateway.support.TestRetailer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Money that leaked through the match (issue 21, items 5-14), each held now, over real HTTP. */
class MatchLeaksTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @TempDir
    static Path dir;

    static GatewayFixture gw;
    static Api ap;

    @BeforeAll
    static void start() {
        gw = new GatewayFixture(dir);
        ap = gw.as("integration");
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String newPo(Map<String, Object> changes, String... qtyPrice) {
        String id = "PO-ML-" + SEQ.incrementAndGet();
        Map<String, Object> body = new HashMap<>(po(id, qtyPrice));
        body.putAll(changes);
        Api.Response r = gw.as("purchasing").post("/api/v1/purchase-orders", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return id;
    }

    private static String newPo(String... qtyPrice) {
        return newPo(Map.of(), qtyPrice);
    }

    private static void receive(String poId, Object... lineQty) {
        Api.Response r = gw.as("dock").post("/api/v1/goods-receipts", receipt(poId, lineQty));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    private static Invoice send(Docs.Invoice inv) {
        Api.Response r = ap.post("/api/v1/invoices", inv.build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.as(Invoice.class);
    }

    private static Invoice reload(String id) {
        return ap.get("/api/v1/invoices/" + id).as(Invoice.class);
    }

    private static String number() {
        return "ML-" + SEQ.incrementAndGet();
    }

    private static Map<String, Object> creditNote(String creditedId, String supplier, int poLine, Object qty, String net,
            String tax, String total) {
        Map<String, Object> cn = new HashMap<>(Map.of("kind", "CREDIT_NOTE", "invoiceNumber", "CN-" + SEQ.incrementAndGet(),
                "supplierId", supplier, "invoiceDate", "2026-11-10", "dueDate", "2026-11-10", "currency", "EUR",
                "lines", List.of(Map.of("lineNo", 1, "poLineNo", poLine, "quantity", qty, "netAmount", Docs.money(net),
                        "taxRate", 20)),
                "taxAmount", Docs.money(tax), "total", Docs.money(total)));
        if (creditedId != null) {
            cn.put("creditedInvoiceId", creditedId);
        }
        return cn;
    }

    // ---- 5. a credit note larger than what it credits ----

    @Test
    void aCreditNoteForMoreThanWasInvoicedIsHeldAndCreditsNothing() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice first = send(invoice(number(), po).line(1, "10", "5.00"));
        assertThat(first.status()).isEqualTo(InvoiceStatus.MATCHED);
        Api.Response cn = ap.post("/api/v1/invoices", creditNote(first.id(), TestRetailer.SUPPLIER, 1, 20, "100.00",
                "20.00", "120.00"));
        assertThat(cn.status()).as(cn.body()).isEqualTo(201);
        assertThat(cn.json().path("status").asText()).isEqualTo("ON_HOLD");
        assertThat(cn.json().path("holds").toString()).contains("CREDIT_EXCEEDS_INVOICED");
        // the held credit frees nothing: billing 20 more against 10 received is over receipt
        Invoice later = send(invoice(number(), po).line(1, "20", "5.00"));
        assertThat(later.openHoldCodes()).contains(HoldCode.QTY_OVER_RECEIPT);
    }

    @Test
    void aCreditForMoreUnitsThanAHeldInvoiceBillsDoesNotReleaseIt() {
        String po = newPo("10", "5.00");
        receive(po, 1, 8);
        Invoice held = send(invoice(number(), po).line(1, "10", "5.00"));
        assertThat(held.openHoldCodes()).containsExactly(HoldCode.QTY_OVER_RECEIPT);
        Api.Response cn = ap.post("/api/v1/invoices", creditNote(held.id(), TestRetailer.SUPPLIER, 1, 12, "60.00",
                "12.00", "72.00"));
        assertThat(cn.json().path("status").asText()).isEqualTo("ON_HOLD");
        Invoice after = reload(held.id());
        assertThat(after.status()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(after.lines().get(0).match().invoicedQuantity()).isEqualByComparingTo("10");
    }

    @Test
    void aCreditNoteNeverTakesTheNetQuantityBelowZero() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice first = send(invoice(number(), po).line(1, "10", "5.00"));
        // two credits of 6 each: the first is applied, the second would credit 12 of 10 and is held
        assertThat(ap.post("/api/v1/invoices", creditNote(first.id(), TestRetailer.SUPPLIER, 1, 6, "30.00", "6.00",
                "36.00")).json().path("status").asText()).isEqualTo("APPLIED");
        assertThat(ap.post("/api/v1/invoices", creditNote(first.id(), TestRetailer.SUPPLIER, 1, 6, "30.00", "6.00",
                "36.00")).json().path("status").asText()).isEqualTo("ON_HOLD");
        Invoice next = send(invoice(number(), po).line(1, "7", "5.00"));
        assertThat(next.openHoldCodes()).contains(HoldCode.QTY_OVER_RECEIPT);
        assertThat(next.lines().get(0).match().previouslyInvoicedQuantity()).isEqualByComparingTo("4");
    }

    // ---- 6. a credit note against another supplier's invoice ----

    @Test
    void aCreditNoteAgainstAnotherSuppliersInvoiceIsRefusedNamingTheField() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice inv = send(invoice(number(), po).line(1, "10", "5.00"));
        Api.Response cn = ap.post("/api/v1/invoices", creditNote(inv.id(), "SUP-2", 1, 1, "5.00", "1.00", "6.00"));
        assertThat(cn.status()).isEqualTo(400);
        assertThat(cn.json().path("errors").get(0).path("field").asText()).isEqualTo("creditedInvoiceId");
    }

    // ---- 7. currency ----

    @Test
    void anInvoiceInAnotherCurrencyThanItsOrderIsHeldAndPricesAreNotCompared() {
        String po = newPo("10", "10.00");
        receive(po, 1, 10);
        Map<String, Object> usd = invoice(number(), po).line(1, "10", "10.00").build();
        usd.put("currency", "USD");
        usd.put("lines", List.of(Map.of("lineNo", 1, "poLineNo", 1, "quantity", 10, "unitPrice",
                Map.of("amount", "10.00", "currency", "USD"), "taxRate", 20)));
        usd.put("taxAmount", Map.of("amount", "20.00", "currency", "USD"));
        usd.put("total", Map.of("amount", "120.00", "currency", "USD"));
        Api.Response r = ap.post("/api/v1/invoices", usd);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Invoice inv = r.as(Invoice.class);
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.CURRENCY_MISMATCH);
        assertThat(inv.posting()).isNull();
        assertThat(inv.lines().get(0).match().poUnitPrice().currency()).isEqualTo("EUR");
    }

    // ---- 8. another supplier's purchase order ----

    @Test
    void anInvoiceQuotingAnotherSuppliersOrderIsHeldPoInvalid() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice inv = send(invoice(number(), po).set("supplierId", "SUP-2").line(1, "10", "5.00"));
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.PO_INVALID);
        assertThat(inv.holds().get(0).message()).contains("supplier " + TestRetailer.SUPPLIER);
    }

    // ---- 9. tax per PO line ----

    @Test
    void aPoLineTaxRateIsKeptAndAnInvoiceApplyingAnotherRateIsHeld() {
        String id = "PO-ML-TAX-" + SEQ.incrementAndGet();
        Map<String, Object> body = new HashMap<>(po(id, "10", "5.00"));
        body.put("lines", List.of(Map.of("lineNo", 1, "itemId", "ITEM-1", "quantity", 10, "unitPrice",
                Docs.money("5.00"), "taxRate", 20)));
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", body).status()).isEqualTo(201);
        assertThat(ap.get("/api/v1/purchase-orders/" + id).json().path("lines").get(0).path("taxRate").decimalValue())
                .isEqualByComparingTo("20");
        receive(id, 1, 10);
        // 10 % applied consistently: the printed tax matches the lines, so only the PO's rate can catch it
        Map<String, Object> inv = invoice(number(), id).line(1, "10", "5.00").build();
        inv.put("lines", List.of(Map.of("lineNo", 1, "poLineNo", 1, "quantity", 10, "unitPrice", Docs.money("5.00"),
                "taxRate", 10)));
        inv.put("taxAmount", Docs.money("5.00"));
        inv.put("total", Docs.money("55.00"));
        Invoice held = ap.post("/api/v1/invoices", inv).as(Invoice.class);
        assertThat(held.openHoldCodes()).containsExactly(HoldCode.TAX_VARIANCE);
        assertThat(held.holds().get(0).lineNo()).isEqualTo(1);
        assertThat(send(invoice(number(), id).line(1, "0", "5.00")).openHoldCodes()).doesNotContain(HoldCode.TAX_VARIANCE);
    }

    // ---- 10. goods returned to the supplier ----

    @Test
    void aReturnToVendorLowersWhatWasReceivedAndReMatchesHeldInvoices() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice held = send(invoice(number(), po).line(1, "10", "5.40"));
        assertThat(held.openHoldCodes()).containsExactly(HoldCode.PRICE_VARIANCE);
        receive(po, 1, -4);
        Invoice after = reload(held.id());
        assertThat(after.openHoldCodes()).containsExactlyInAnyOrder(HoldCode.PRICE_VARIANCE, HoldCode.QTY_OVER_RECEIPT);
        assertThat(after.lines().get(0).match().receivedQuantity()).isEqualByComparingTo("6");
        Invoice later = send(invoice(number(), po).line(1, "1", "5.00"));
        assertThat(later.openHoldCodes()).contains(HoldCode.QTY_OVER_RECEIPT);

        Api.Response tooMuch = gw.as("dock").post("/api/v1/goods-receipts", receipt(po, 1, -7));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().path("errors").get(0).path("field").asText()).isEqualTo("lines[0].quantity");
    }

    // ---- 11. credit notes are matched for total and tax ----

    @Test
    void aCreditNoteWhoseLinesDoNotAddUpToItsTotalIsHeld() {
        String po = newPo("10", "5.00");
        receive(po, 1, 10);
        Invoice inv = send(invoice(number(), po).line(1, "10", "5.00"));
        Api.Response cn = ap.post("/api/v1/invoices", creditNote(inv.id(), TestRetailer.SUPPLIER, 1, 0, "10.00", "2.00",
                "15.00"));
        assertThat(cn.json().path("status").asText()).isEqualTo("ON_HOLD");
        assertThat(cn.json().path("holds").toString()).contains("TOTAL_MISMATCH");
        Api.Response wrongTax = ap.post("/api/v1/invoices", creditNote(inv.id(), TestRetailer.SUPPLIER, 1, 0, "10.00",
                "5.00", "15.00"));
        assertThat(wrongTax.json().path("holds").toString()).contains("TAX_VARIANCE");
    }

    // ---- 12. agreed freight is consumed across the order's invoices ----

    @Test
    void agreedFreightIsBilledOnceAcrossPartialInvoices() {
        String po = newPo(Map.of("agreedFreight", Docs.money("100.00")), "10", "5.00");
        receive(po, 1, 10);
        Invoice first = send(invoice(number(), po).line(1, "5", "5.00").freight("100.00"));
        assertThat(first.status()).isEqualTo(InvoiceStatus.MATCHED);
        Invoice second = send(invoice(number(), po).line(1, "5", "5.00").freight("100.00"));
        assertThat(second.openHoldCodes()).containsExactly(HoldCode.UNPLANNED_CHARGE);
    }

    // ---- 13. cent rounding is not a price variance ----

    @Test
    void aLineAtThePoPriceRoundedToCentsIsNotAPriceVariance() {
        String po = newPo("7", "0.0125");
        receive(po, 1, 7);
        Invoice inv = send(invoice(number(), po).line(1, "7", "0.0125"));
        assertThat(inv.lines().get(0).netAmount().amount()).isEqualByComparingTo("0.09");
        assertThat(inv.status()).isEqualTo(InvoiceStatus.MATCHED);
        assertThat(inv.lines().get(0).match().priceVariancePercent()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    // ---- 14. amounts take the currency's minor units ----

    @Test
    void totalsTaxesAndChargesTakeTheCurrencysMinorUnitsOnlyUnitPricesMayCarryMore() {
        String po = newPo("10", "1.00");
        receive(po, 1, 10);
        Api.Response total = ap.post("/api/v1/invoices", invoice(number(), po).line(1, "1", "8.3375").tax("1.667")
                .total("10.005").build());
        assertThat(total.status()).isEqualTo(400);
        assertThat(total.body()).contains("total.amount").contains("taxAmount.amount");
        Api.Response charge = ap.post("/api/v1/invoices", invoice(number(), po).line(1, "1", "1.00").freight("0.001")
                .build());
        assertThat(charge.status()).isEqualTo(400);
        assertThat(charge.body()).contains("charges[0].amount.amount");
        Api.Response unitPrice = ap.post("/api/v1/invoices", invoice(number(), po).line(1, "4", "1.0025").build());
        assertThat(unitPrice.status()).as(unitPrice.body()).isEqualTo(201);
    }
}
