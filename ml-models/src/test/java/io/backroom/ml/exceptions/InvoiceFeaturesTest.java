package io.backroom.ml.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three-way-match facts that separate the root causes a clerk confuses most. */
class InvoiceFeaturesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static ProcurementData context(JsonNode po, JsonNode... invoices) {
        ProcurementData d = new ProcurementData();
        d.asOf = LocalDate.parse("2026-11-02");
        d.suppliers.put("SUP-1", json("{'id':'SUP-1','taxRate':'20.00','risk':'LOW','reliability':0.95,'blocked':false}"));
        d.purchaseOrders.put(po.path("id").asText(), po);
        for (JsonNode inv : invoices) {
            d.add(inv);
        }
        return d;
    }

    private static JsonNode po(String status, String... lines) {
        return json("{'id':'PO-1','supplierId':'SUP-1','status':'" + status + "','expectedDate':'2026-09-01','freightTerms':'FREE_DELIVERY',"
                + "'lines':[" + String.join(",", lines) + "]}");
    }

    private static String poLine(int no, int qty, String price) {
        return "{'lineNo':" + no + ",'itemId':'ITM-" + no + "','orderedQuantity':'" + qty + "','unitPrice':'" + price + "'}";
    }

    private static JsonNode invoice(String id, String number, String date, String total, String... lines) {
        return json("{'id':'" + id + "','invoiceNumber':'" + number + "','supplierId':'SUP-1','poReference':'PO-1','invoiceDate':'" + date
                + "','receivedOn':'" + date + "','lines':[" + String.join(",", lines) + "],'charges':[],'subtotal':'" + total
                + "','taxAmount':'0','total':'" + total + "'}");
    }

    private static String line(int no, int qty, String price) {
        double net = qty * Double.parseDouble(price);
        return "{'lineNo':" + no + ",'poLineNo':" + no + ",'itemId':'ITM-" + no + "','quantity':'" + qty + "','unitPrice':'" + price
                + "','taxRate':'20.00','netAmount':'" + net + "'}";
    }

    @Test
    void aLatePartialInvoiceOnAClosedPoSeesTheOrderAlreadyBilledByAnother() {
        JsonNode original = invoice("INV-1", "A-100", "2026-09-03", "20.00", line(1, 10, "2.00"));
        JsonNode afterClose = invoice("INV-2", "A-230", "2026-10-12", "10.00", line(1, 5, "2.00"));
        ProcurementData data = context(po("CLOSED", poLine(1, 10, "2.00")), original, afterClose);

        InvoiceFeatures.Facts late = InvoiceFeatures.compute(afterClose, data);
        InvoiceFeatures.Facts first = InvoiceFeatures.compute(original, data);

        assertThat(late.get("po_billed_by_others")).isEqualTo(1.0);
        assertThat(late.get("qty_this_over_ordered")).isEqualTo(-0.5);
        assertThat(first.get("po_billed_by_others")).isEqualTo(0.5);
        assertThat(first.get("qty_this_over_ordered")).isEqualTo(0.0);
        assertThat(ExceptionReasons.explain(late)).anyMatch(r -> r.text().contains("already bill the full ordered quantity"));
    }

    @Test
    void oneWholePercentageOnEveryLineIsARoundPriceRise() {
        // 5 % on both lines, prices rounded to the cent
        JsonNode rise = invoice("INV-1", "A-100", "2026-09-03", "0", line(1, 10, "8.40"), line(2, 4, "23.63"));
        InvoiceFeatures.Facts f = InvoiceFeatures.compute(rise, context(po("OPEN", poLine(1, 10, "8.00"), poLine(2, 4, "22.50")), rise));

        assertThat(f.get("price_var_common_pct")).isEqualTo(1.0);
        assertThat(f.get("price_var_whole_gap")).isEqualTo(0.0);
        assertThat(f.get("price_var_pct_width")).isPositive().isLessThan(0.1);
    }

    @Test
    void anOddPercentageOrTwoDifferentOnesAreNot() {
        // 5.3 % on an expensive line: no whole (or half) percentage fits the cent-rounded price
        JsonNode odd = invoice("INV-1", "A-100", "2026-09-03", "0", line(1, 2, "105.30"));
        InvoiceFeatures.Facts f = InvoiceFeatures.compute(odd, context(po("OPEN", poLine(1, 2, "100.00")), odd));
        assertThat(f.get("price_var_whole_gap")).isCloseTo(0.3, within(0.01));
        assertThat(f.get("price_var_round_gap")).isCloseTo(0.2, within(0.01));

        // 5 % and 9 %: no single percentage explains both lines
        JsonNode mixed = invoice("INV-2", "A-101", "2026-09-03", "0", line(1, 1, "105.00"), line(2, 1, "109.00"));
        InvoiceFeatures.Facts g = InvoiceFeatures.compute(mixed,
                context(po("OPEN", poLine(1, 1, "100.00"), poLine(2, 1, "100.00")), mixed));
        assertThat(g.get("price_var_common_pct")).isEqualTo(0.0);
    }

    @Test
    void roundGapIsZeroWhenAStepLiesInsideTheInterval() {
        assertThat(InvoiceFeatures.roundGap(4.9, 5.1, 1.0)).isZero();
        assertThat(InvoiceFeatures.roundGap(5.2, 5.3, 1.0)).isCloseTo(0.2, within(1e-9));
        assertThat(InvoiceFeatures.roundGap(5.6, 5.7, 1.0)).isCloseTo(0.3, within(1e-9));
        assertThat(InvoiceFeatures.roundGap(7.45, 7.55, 0.5)).isZero();
    }

    @Test
    void aResubmissionWithASuffixedNumberAndTheSameDateIsRecognised() {
        JsonNode original = invoice("INV-1", "2608-27962", "2026-09-03", "20.00", line(1, 10, "2.00"));
        JsonNode again = json(invoice("INV-2", "2608-27962-1", "2026-09-03", "20.00", line(1, 10, "2.00")).toString()
                .replace("\"receivedOn\":\"2026-09-03\"", "\"receivedOn\":\"2026-09-20\""));
        ProcurementData data = context(po("OPEN", poLine(1, 10, "2.00")), original, again);

        InvoiceFeatures.Facts f = InvoiceFeatures.compute(again, data);

        assertThat(f.get("duplicate_same_total")).isEqualTo(1.0);
        assertThat(f.get("duplicate_same_number")).isEqualTo(0.0);
        assertThat(f.get("duplicate_number_extends")).isEqualTo(1.0);
        assertThat(f.get("duplicate_same_date")).isEqualTo(1.0);
        assertThat(InvoiceFeatures.compute(original, data).get("duplicate_same_date")).isEqualTo(0.0);
        assertThat(List.of("duplicate_same_date", "duplicate_number_extends")).allMatch(InvoiceFeatures.NAMES::contains);
    }
}
