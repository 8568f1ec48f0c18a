package io.backroom.ml.ap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.api.model.Charge;
import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.Money;
import io.backroom.api.model.PaymentTerms;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Supplier;
import io.backroom.ml.BackroomModels;
import io.backroom.ml.data.DatasetDir;
import io.backroom.ml.exceptions.ExceptionAssessment;
import io.backroom.ml.exceptions.ExceptionClassifier;
import io.backroom.ml.priority.PriorityScore;
import io.backroom.ml.priority.QueueItem;
import io.backroom.ml.testdata.DemoData;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's path into the invoice models: Ops API records mapped onto the training shape must give the models
 * what the data-set path gives them. The demo data set is turned into API records (as the gateway would serve them)
 * and both paths are compared on every held invoice.
 */
class InvoiceAdvisorTest {
    private static DatasetDir demo;
    private static InvoiceAdvisor advisor;
    private static ApContext context;
    private static List<ExceptionAssessment> reference;

    @BeforeAll
    static void load() {
        demo = DatasetDir.open(DemoData.dir());
        BackroomModels models = BackroomModels.fromClasspath();
        advisor = InvoiceAdvisor.load(models);
        reference = models.exceptionClassifier().classifyHeld(demo);
        context = apiContext(demo);
    }

    @Test
    void apiRecordsGiveTheSameRootCausesAndActionsAsTheTrainingPath() {
        Map<String, ExceptionAssessment> viaApi = advisor.assess(reference.stream().map(ExceptionAssessment::invoiceId).toList(),
                context).stream().collect(Collectors.toMap(ExceptionAssessment::invoiceId, Function.identity()));

        assertThat(viaApi).hasSize(reference.size());
        long sameCause = reference.stream().filter(r -> r.rootCause().equals(viaApi.get(r.invoiceId()).rootCause())).count();
        long sameAction = reference.stream().filter(r -> r.action().equals(viaApi.get(r.invoiceId()).action())).count();
        // The API carries no supplier reliability, so a few borderline cases may tip; nearly all must agree.
        assertThat((double) sameCause / reference.size()).as("root cause agreement").isGreaterThan(0.97);
        assertThat((double) sameAction / reference.size()).as("action agreement").isGreaterThan(0.97);
        ExceptionAssessment one = viaApi.get(reference.get(0).invoiceId());
        assertThat(one.reasons()).isNotEmpty();
        assertThat(one.model()).startsWith(ExceptionClassifier.NAME);
        assertThat(one.provenanceHash()).hasSize(16);
    }

    @Test
    void theQueueIsRankedWithReasonsAndTheModelsAreNamed() {
        List<QueueItem> queue = reference.stream().limit(200).map(a -> new QueueItem("EX-" + a.invoiceId(), a.invoiceId(),
                List.of("PRICE_VARIANCE"), Instant.parse("2026-10-20T08:00:00Z"), new BigDecimal("100.00"), "EUR")).toList();

        List<PriorityScore> ranked = advisor.rank(queue, context, context.asOf());

        assertThat(ranked).hasSize(200);
        assertThat(ranked).extracting(PriorityScore::rank).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 200).boxed().toList());
        assertThat(ranked).isSortedAccordingTo((a, b) -> Double.compare(b.score(), a.score()));
        assertThat(ranked.get(0).reasons()).isNotEmpty();
        assertThat(advisor.models()).extracting(InvoiceAdvisor.ModelVersion::name)
                .containsExactly("exception-classifier", "prioritizer");
        assertThat(advisor.models()).allSatisfy(m -> assertThat(m.provenanceHash()).isNotBlank());
    }

    @Test
    void anInvoiceWithAnUnknownPurchaseOrderAndSupplierIsStillAssessed() {
        Invoice stray = new Invoice("X-1", InvoiceKind.INVOICE, "A-77", "SUP-NOBODY", "Nobody Ltd", "PO-DOES-NOT-EXIST", "S001",
                LocalDate.parse("2026-10-01"), null, LocalDate.parse("2026-10-31"), null, "EUR", InvoiceStatus.ON_HOLD,
                List.of(new InvoiceLine(1, 1, "ITM-1", "Widget", new BigDecimal("3"), "EA", eur("10.00"), new BigDecimal("21"),
                        eur("30.00"), null)), List.of(), eur("30.00"), eur("6.30"), eur("6.30"), eur("36.30"), List.of(), null,
                null, "erp", List.of(), false, null, List.of(), 1, Instant.EPOCH, Instant.EPOCH);
        ApContext lonely = ApContext.builder(LocalDate.parse("2026-11-02")).invoice(stray).build();

        List<ExceptionAssessment> out = advisor.assess(List.of("X-1", "NOT-IN-CONTEXT"), lonely);
        List<PriorityScore> ranked = advisor.rank(List.of(new QueueItem("EX-1", "X-1", List.of(HoldCode.PO_INVALID.name()),
                Instant.parse("2026-10-02T00:00:00Z"), new BigDecimal("36.30"), "EUR")), lonely, LocalDate.parse("2026-11-02"));

        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.invoiceId()).isEqualTo("X-1");
            assertThat(a.rootCauseConfidence()).isBetween(0.0, 1.0);
        });
        assertThat(ranked).singleElement().extracting(PriorityScore::rank).isEqualTo(1);
    }

    // -- the demo data set as the gateway would serve it

    static ApContext apiContext(DatasetDir data) {
        ApContext.Builder b = ApContext.builder(data.asOf());
        data.forEach("suppliers", s -> {
            JsonNode t = s.path("paymentTerms");
            b.supplier(new Supplier(s.path("id").asText(), s.path("name").asText(), s.path("kind").asText(null),
                    s.path("country").asText(null), s.path("currency").asText("EUR"), new PaymentTerms(t.path("code").asText(""),
                    t.path("netDays").asInt(), decimal(t.path("discountPercent")), t.path("discountDays").asInt()),
                    decimal(s.path("taxRate")), s.path("risk").asText(null), s.path("blocked").asBoolean()));
            JsonNode o = s.path("toleranceOverride");
            if (o.hasNonNull("priceVariancePercent")) {
                b.supplierPriceTolerance(s.path("id").asText(), decimal(o.path("priceVariancePercent")));
            }
        });
        data.forEach("purchase-orders", po -> {
            List<PurchaseOrderLine> lines = new ArrayList<>();
            po.path("lines").forEach(l -> lines.add(new PurchaseOrderLine(l.path("lineNo").asInt(), l.path("itemId").asText(),
                    l.path("description").asText(), l.path("category").asText(), decimal(l.path("orderedQuantity")),
                    l.path("unit").asText(), eur(l.path("unitPrice").asText()))));
            b.purchaseOrder(new PurchaseOrder(po.path("id").asText(), po.path("supplierId").asText(), po.path("storeId").asText(),
                    null, date(po.path("orderDate")), date(po.path("expectedDate")), "EUR",
                    PurchaseOrderStatus.valueOf(po.path("status").asText()), lines, null, 1, Instant.EPOCH,
                    po.hasNonNull("agreedFreight") ? eur(po.path("agreedFreight").asText()) : null));
        });
        data.forEach("goods-receipts", r -> b.goodsReceipt(new GoodsReceipt(r.path("id").asText(), r.path("poId").asText(),
                r.path("storeId").asText(), date(r.path("receivedOn")), r.path("deliveryNote").asText(),
                List.of(new GoodsReceiptLine(r.path("poLineNo").asInt(), decimal(r.path("quantity")))), Instant.EPOCH)));
        data.forEach("invoices", i -> {
            List<InvoiceLine> lines = new ArrayList<>();
            i.path("lines").forEach(l -> lines.add(new InvoiceLine(l.path("lineNo").asInt(),
                    l.hasNonNull("poLineNo") ? l.path("poLineNo").asInt() : null, l.path("itemId").asText(null),
                    l.path("description").asText(), decimal(l.path("quantity")), l.path("unit").asText(),
                    eur(l.path("unitPrice").asText()), decimal(l.path("taxRate")), eur(l.path("netAmount").asText()), null)));
            List<Charge> charges = new ArrayList<>();
            i.path("charges").forEach(c -> charges.add(new Charge(c.path("type").asText(), null, eur(c.path("amount").asText()))));
            LocalDate invoiceDate = date(i.path("invoiceDate"));
            JsonNode terms = i.path("paymentTerms");
            LocalDate discountDate = terms.path("discountPercent").asDouble() > 0
                    ? invoiceDate.plusDays(terms.path("discountDays").asInt()) : null;
            b.invoice(new Invoice(i.path("id").asText(), InvoiceKind.INVOICE, i.path("invoiceNumber").asText(),
                    i.path("supplierId").asText(), null, i.path("poReference").asText(null), i.path("storeId").asText(null),
                    invoiceDate, date(i.path("receivedOn")), date(i.path("dueDate")), discountDate, "EUR", InvoiceStatus.ON_HOLD,
                    lines, charges, eur(i.path("subtotal").asText()), eur(i.path("taxAmount").asText()), null,
                    eur(i.path("total").asText()), List.of(), null, null, "erp", List.of(), false, null, List.of(), 1,
                    Instant.EPOCH, Instant.EPOCH));
        });
        return b.build();
    }

    private static Money eur(String amount) {
        return new Money(new BigDecimal(amount), "EUR");
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : new BigDecimal(n.asText());
    }

    private static LocalDate date(JsonNode n) {
        return n == null || n.isMissingNode() || n.isNull() ? null : LocalDate.parse(n.asText());
    }
}
