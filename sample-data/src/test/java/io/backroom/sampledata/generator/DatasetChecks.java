package io.backroom.sampledata.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.sampledata.labels.DocumentLabel;
import io.backroom.sampledata.labels.FraudPattern;
import io.backroom.sampledata.labels.InvoiceLabel;
import io.backroom.sampledata.labels.InvoiceProblem;
import io.backroom.sampledata.labels.RootCause;
import io.backroom.sampledata.labels.ShiftLabel;
import io.backroom.sampledata.labels.TransactionLabel;
import io.backroom.sampledata.model.ApprovalRequest;
import io.backroom.sampledata.model.Charge;
import io.backroom.sampledata.model.ChargeType;
import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.Decision;
import io.backroom.sampledata.model.ExceptionResolution;
import io.backroom.sampledata.model.ExpenseInvoice;
import io.backroom.sampledata.model.GoodsReceipt;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.InvoiceLine;
import io.backroom.sampledata.model.MessageStatus;
import io.backroom.sampledata.model.PosLine;
import io.backroom.sampledata.model.PosTransaction;
import io.backroom.sampledata.model.PurchaseOrder;
import io.backroom.sampledata.model.PurchaseOrderLine;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierKind;
import io.backroom.sampledata.model.Tender;
import io.backroom.sampledata.model.TenderType;
import io.backroom.sampledata.pdf.InvoiceLayouts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Checks any generated data set must pass: referential integrity, labels that agree with the data (a small
 * three-way match re-derives each injected problem), rates in their documented ranges, and PDFs that carry
 * their number and total.
 */
final class DatasetChecks {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private DatasetChecks() {
    }

    static void referentialIntegrity(DatasetIndex x) {
        for (var s : x.stores) {
            assertThat(x.regions).extracting("id").contains(s.regionId());
        }
        for (var u : x.users) {
            if (u.storeId() != null) {
                assertThat(x.storeById).containsKey(u.storeId());
            }
        }
        for (var i : x.items) {
            assertThat(x.supplierById.get(i.supplierId()).kind()).isEqualTo(SupplierKind.MERCHANDISE);
        }
        for (var c : x.cashiers) {
            assertThat(x.storeById).containsKey(c.storeId());
        }
        for (PurchaseOrder po : x.orders) {
            assertThat(x.supplierById).containsKey(po.supplierId());
            assertThat(x.storeById).containsKey(po.storeId());
            assertThat(x.userById).containsKey(po.buyerUserId());
            assertThat(po.currency()).isEqualTo(x.supplierById.get(po.supplierId()).currency());
            for (PurchaseOrderLine l : po.lines()) {
                assertThat(x.itemById.get(l.itemId()).supplierId()).isEqualTo(po.supplierId());
            }
        }
        for (GoodsReceipt gr : x.receipts) {
            PurchaseOrder po = x.orderById.get(gr.poId());
            assertThat(po).as("PO of %s", gr.id()).isNotNull();
            assertThat(gr.poLineNo()).isBetween(1, po.lines().size());
            assertThat(gr.receivedOn()).isBefore(x.dataset.manifest().asOf()).isAfterOrEqualTo(po.orderDate());
        }
        for (Invoice inv : x.invoices) {
            assertThat(x.supplierById).containsKey(inv.supplierId());
            if (inv.storeId() != null) {
                assertThat(x.storeById).containsKey(inv.storeId());
            }
            InvoiceLabel label = x.labelByInvoice.get(inv.id());
            assertThat(label).as("label of %s", inv.id()).isNotNull();
            if (label.problem() != InvoiceProblem.UNKNOWN_PO) {
                assertThat(x.orderById).as("PO of %s", inv.id()).containsKey(inv.poReference());
            }
            for (InvoiceLine l : inv.lines()) {
                if (l.itemId() != null) {
                    assertThat(x.itemById).containsKey(l.itemId());
                }
            }
            assertThat(inv.total()).isEqualByComparingTo(inv.subtotal().add(inv.taxAmount()));
            assertThat(inv.receivedOn()).isBefore(x.dataset.manifest().asOf());
            if (inv.pdfFile() != null) {
                assertThat(x.dataset.readPdf(inv.pdfFile())).isNotEmpty();
            }
        }
        assertThat(x.invoiceLabels).hasSameSizeAs(x.invoices);
        for (CreditNote cn : x.creditNotes) {
            assertThat(x.invoiceById.get(cn.invoiceId()).supplierId()).isEqualTo(cn.supplierId());
        }
        for (ExpenseInvoice e : x.expenses) {
            assertThat(x.supplierById.get(e.supplierId()).kind()).isEqualTo(SupplierKind.SERVICES);
            assertThat(x.storeById).containsKey(e.storeId());
            assertThat(e.total()).isEqualByComparingTo(e.netAmount().add(e.taxAmount()));
        }
        for (ExceptionResolution h : x.history) {
            assertThat(x.invoiceById).containsKey(h.invoiceId());
            assertThat(x.userById).containsKey(h.decidedByUserId());
            assertThat(h.decidedAt()).isAfter(h.heldAt());
        }
        for (ApprovalRequest a : x.approvals) {
            assertThat(x.storeById.get(a.storeId()).regionId()).isEqualTo(a.regionId());
            assertThat(x.userById).containsKey(a.requesterUserId());
            assertThat(x.userById).containsKey(a.approverUserId());
        }
        for (var s : x.shifts) {
            assertThat(x.cashierById.get(s.cashierId()).storeId()).isEqualTo(s.storeId());
            assertThat(s.registerNo()).isBetween(1, x.storeById.get(s.storeId()).registers());
        }
        for (PosTransaction t : x.transactions) {
            assertThat(x.shiftById.get(t.shiftId()).cashierId()).isEqualTo(t.cashierId());
            if (t.originalTransactionId() != null) {
                assertThat(x.transactionById.get(t.originalTransactionId()).storeId()).isEqualTo(t.storeId());
            }
            for (PosLine l : t.lines()) {
                if (l.itemId() != null) {
                    assertThat(x.itemById).containsKey(l.itemId());
                }
            }
        }
        for (DocumentLabel d : x.documentLabels) {
            assertThat(x.dataset.readPdf(d.file())).isNotEmpty();
        }
    }

    private static BigDecimal tolerance(Supplier s) {
        return s.toleranceOverride() != null ? s.toleranceOverride().priceVariancePercent() : BigDecimal.valueOf(2);
    }

    private static PurchaseOrderLine poLine(PurchaseOrder po, InvoiceLine l) {
        for (PurchaseOrderLine pl : po.lines()) {
            if (l.poLineNo() != null ? pl.lineNo() == l.poLineNo() : pl.itemId().equals(l.itemId())) {
                return pl;
            }
        }
        throw new AssertionError("invoice line " + l + " matches no line of " + po.id());
    }

    private static boolean priceOutside(PurchaseOrderLine pl, InvoiceLine l, BigDecimal tolerancePct) {
        BigDecimal deviation = l.unitPrice().subtract(pl.unitPrice()).abs().multiply(HUNDRED)
                .divide(pl.unitPrice(), 6, RoundingMode.HALF_UP);
        return deviation.compareTo(tolerancePct) > 0;
    }

    private static BigDecimal expectedTax(Invoice inv, BigDecimal rate) {
        BigDecimal tax = BigDecimal.ZERO;
        for (InvoiceLine l : inv.lines()) {
            tax = tax.add(l.netAmount().multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP));
        }
        for (Charge c : inv.charges()) {
            tax = tax.add(c.amount().multiply(rate).divide(HUNDRED, 2, RoundingMode.HALF_UP));
        }
        return tax;
    }

    private static BigDecimal freight(Invoice inv) {
        return inv.charges().stream().filter(c -> c.type() == ChargeType.FREIGHT).map(Charge::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Re-derives every injected invoice problem with a three-way match and checks the label says the same. */
    static void invoiceLabelsAgreeWithTheData(DatasetIndex x) {
        Map<String, Long> historyPerInvoice = x.history.stream()
                .collect(Collectors.groupingBy(ExceptionResolution::invoiceId, Collectors.counting()));
        for (Invoice inv : x.invoices) {
            InvoiceLabel label = x.labelByInvoice.get(inv.id());
            Supplier supplier = x.supplierById.get(inv.supplierId());
            PurchaseOrder po = x.orderById.get(inv.poReference());
            List<GoodsReceipt> grs = po == null ? List.of() : x.receiptsByOrder.getOrDefault(po.id(), List.of());
            Map<Integer, BigDecimal> received = new HashMap<>();
            for (GoodsReceipt gr : grs) {
                received.merge(gr.poLineNo(), gr.quantity(), BigDecimal::add);
            }
            String what = inv.id() + " labelled " + label;
            assertThat(label.problem() == InvoiceProblem.NONE).as(what).isEqualTo(label.rootCause() == RootCause.NONE);
            if (label.problem() == InvoiceProblem.NONE) {
                assertThat(label.resolution()).as(what).isEqualTo(Decision.RELEASE);
            }
            if (historyPerInvoice.containsKey(inv.id())) {
                assertThat(historyPerInvoice.get(inv.id())).isEqualTo(1);
                assertThat(label.problem()).as(what).isNotEqualTo(InvoiceProblem.NONE);
                assertThat(inv.status()).isEqualTo("CLOSED");
            }
            BigDecimal taxDiff = inv.taxAmount().subtract(expectedTax(inv, supplier.taxRate())).abs();
            switch (label.problem()) {
                case NONE -> {
                    assertThat(po).as(what).isNotNull();
                    for (InvoiceLine l : inv.lines()) {
                        PurchaseOrderLine pl = poLine(po, l);
                        assertThat(priceOutside(pl, l, tolerance(supplier))).as(what + " line " + l.lineNo()).isFalse();
                        assertThat(l.quantity()).as(what + " qty line " + l.lineNo())
                                .isLessThanOrEqualTo(received.getOrDefault(pl.lineNo(), BigDecimal.ZERO));
                    }
                    assertThat(taxDiff).as(what).isLessThanOrEqualTo(new BigDecimal("0.05"));
                    if ("FREE_DELIVERY".equals(po.freightTerms())) {
                        assertThat(freight(inv)).as(what).isZero();
                    } else {
                        assertThat(freight(inv)).as(what).isLessThanOrEqualTo(po.agreedFreight());
                    }
                    assertThat(grs.stream().map(GoodsReceipt::receivedOn).min(Comparable::compareTo).orElseThrow())
                            .as(what).isBeforeOrEqualTo(inv.receivedOn());
                }
                case PRICE_VARIANCE -> {
                    assertThat(label.lineNos()).as(what).isNotEmpty();
                    for (int n : label.lineNos()) {
                        InvoiceLine l = inv.lines().get(n - 1);
                        assertThat(priceOutside(poLine(po, l), l, tolerance(supplier))).as(what).isTrue();
                    }
                }
                case QUANTITY_OVER_RECEIPT -> assertThat(label.lineNos().stream().map(n -> inv.lines().get(n - 1))
                        .anyMatch(l -> l.quantity().compareTo(received.getOrDefault(poLine(po, l).lineNo(),
                                BigDecimal.ZERO)) > 0)).as(what).isTrue();
                case MISSING_RECEIPT -> assertThat(grs).as(what).isEmpty();
                case LATE_RECEIPT -> assertThat(grs.stream().map(GoodsReceipt::receivedOn)
                        .min(Comparable::compareTo).orElseThrow()).as(what).isAfter(inv.receivedOn());
                case DUPLICATE_INVOICE -> {
                    Invoice original = x.invoiceById.get(label.duplicateOfInvoiceId());
                    assertThat(original.supplierId()).isEqualTo(inv.supplierId());
                    assertThat(original.total()).isEqualByComparingTo(inv.total());
                    assertThat(original.lines()).isEqualTo(inv.lines());
                    assertThat(original.receivedOn()).isBefore(inv.receivedOn());
                }
                case UNPLANNED_FREIGHT -> assertThat("FREE_DELIVERY".equals(po.freightTerms())
                        ? freight(inv).signum() > 0 : freight(inv).compareTo(po.agreedFreight()) > 0).as(what).isTrue();
                case TAX_ERROR -> assertThat(taxDiff).as(what).isGreaterThan(new BigDecimal("0.05"));
                case UNKNOWN_PO -> assertThat(po).as(what).isNull();
                case CLOSED_PO -> assertThat(po.status()).as(what).isEqualTo("CLOSED");
                default -> throw new AssertionError(label.problem());
            }
        }
    }

    static void shiftLabelsAgreeWithTheJournal(DatasetIndex x) {
        assertThat(x.shiftLabels).hasSameSizeAs(x.shifts);
        Map<String, List<TransactionLabel>> byShift = x.transactionLabels.stream()
                .collect(Collectors.groupingBy(TransactionLabel::shiftId));
        Map<String, List<PosTransaction>> txByShift = x.transactions.stream()
                .collect(Collectors.groupingBy(PosTransaction::shiftId));
        for (ShiftLabel s : x.shiftLabels) {
            assertThat(x.shiftById).containsKey(s.shiftId());
            assertThat(s.fraud()).isEqualTo(s.pattern() != null);
            List<TransactionLabel> tl = byShift.getOrDefault(s.shiftId(), List.of());
            assertThat(tl).hasSize(s.fraudulentTransactions());
            assertThat(s.fraud()).isEqualTo(!tl.isEmpty());
            for (TransactionLabel t : tl) {
                assertThat(t.pattern()).isEqualTo(s.pattern());
                PosTransaction tx = x.transactionById.get(t.transactionId());
                assertThat(tx.shiftId()).isEqualTo(s.shiftId());
                assertThat(evidenceOf(t.pattern(), tx)).as("%s shows %s", tx.id(), t.pattern()).isTrue();
            }
            var shift = x.shiftById.get(s.shiftId());
            BigDecimal cash = txByShift.getOrDefault(s.shiftId(), List.of()).stream()
                    .flatMap(t -> t.tenders().stream()).filter(t -> t.type() == TenderType.CASH)
                    .map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(shift.expectedCash()).isEqualByComparingTo(shift.openingFloat().add(cash));
        }
        for (PosTransaction t : x.transactions) {
            BigDecimal lines = t.lines().stream().map(PosLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal tenders = t.tenders().stream().map(Tender::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (t.type() != io.backroom.sampledata.model.PosTransactionType.POST_VOID) {
                assertThat(lines).as(t.id()).isEqualByComparingTo(t.total());
            }
            assertThat(tenders).as(t.id()).isEqualByComparingTo(t.total());
        }
    }

    private static boolean evidenceOf(FraudPattern p, PosTransaction t) {
        return switch (p) {
            case REFUND_FRAUD -> t.type() == io.backroom.sampledata.model.PosTransactionType.RETURN
                    && !t.receiptPresented();
            case VOID_ABUSE -> t.type() == io.backroom.sampledata.model.PosTransactionType.POST_VOID;
            case NO_SALE_ABUSE -> t.type() == io.backroom.sampledata.model.PosTransactionType.NO_SALE;
            case GIFT_CARD_FRAUD -> t.type() == io.backroom.sampledata.model.PosTransactionType.GIFT_CARD_LOAD;
            case DISCOUNT_ABUSE -> t.employeeSale() && t.loyaltyId() != null;
            case SWEETHEARTING -> t.lines().stream().allMatch(l -> l.priceOverride() || l.discount().signum() > 0);
        };
    }

    /** Shares of each invoice problem and of fraudulent shifts, within the ranges documented in the README. */
    static void ratesInDocumentedRanges(DatasetIndex x) {
        Map<InvoiceProblem, Long> counts = new EnumMap<>(InvoiceProblem.class);
        for (InvoiceLabel l : x.invoiceLabels) {
            counts.merge(l.problem(), 1L, Long::sum);
        }
        double n = x.invoiceLabels.size();
        assertThat(n).isGreaterThan(1000);
        assertThat(1 - counts.getOrDefault(InvoiceProblem.NONE, 0L) / n).as("exception rate").isBetween(0.19, 0.25);
        assertShare(counts, n, InvoiceProblem.PRICE_VARIANCE, 0.06, 0.10);
        assertShare(counts, n, InvoiceProblem.QUANTITY_OVER_RECEIPT, 0.03, 0.06);
        assertThat((counts.getOrDefault(InvoiceProblem.MISSING_RECEIPT, 0L)
                + counts.getOrDefault(InvoiceProblem.LATE_RECEIPT, 0L)) / n).as("missing or late receipt")
                .isBetween(0.03, 0.06);
        assertShare(counts, n, InvoiceProblem.DUPLICATE_INVOICE, 0.007, 0.025);
        assertShare(counts, n, InvoiceProblem.UNPLANNED_FREIGHT, 0.01, 0.03);
        assertShare(counts, n, InvoiceProblem.TAX_ERROR, 0.005, 0.02);
        assertShare(counts, n, InvoiceProblem.UNKNOWN_PO, 0.005, 0.02);
        assertShare(counts, n, InvoiceProblem.CLOSED_PO, 0.002, 0.012);

        double shifts = x.shiftLabels.size();
        long fraud = x.shiftLabels.stream().filter(ShiftLabel::fraud).count();
        assertThat(fraud / shifts).as("fraudulent shifts").isBetween(0.01, 0.03);
        assertThat(x.shiftLabels.stream().filter(ShiftLabel::fraud).map(ShiftLabel::pattern).distinct().count())
                .as("fraud patterns present").isEqualTo(FraudPattern.values().length);
        long benign = x.shiftLabels.stream().filter(s -> s.benignAnomaly() != null).count();
        assertThat(benign / shifts).as("shifts with an honest anomaly").isBetween(0.05, 0.35);

        long dead = x.messages.stream().filter(m -> m.status() == MessageStatus.DEAD_LETTER).count();
        assertThat(dead / (double) x.messages.size()).as("dead letters").isBetween(0.001, 0.02);
        assertThat(x.messages.stream().filter(m -> m.status() == MessageStatus.RETRYING
                || m.status() == MessageStatus.FAILED).count()).as("messages failing at the as-of date").isPositive();
        long decided = x.history.size();
        long agreeing = x.history.stream()
                .filter(h -> h.decision() == x.labelByInvoice.get(h.invoiceId()).resolution()).count();
        assertThat(agreeing / (double) decided).as("human decisions agreeing with ground truth").isBetween(0.85, 0.97);
        assertThat(x.invoices.stream().filter(i -> "OPEN".equals(i.status())).count()).as("open AP queue")
                .isPositive();
        assertThat(x.approvals.stream().filter(a -> a.status() == io.backroom.sampledata.model.ApprovalStatus.PENDING)
                .count()).as("pending approvals").isPositive();
        assertThat(x.reminders).as("payment reminders").isNotEmpty();
        assertThat(x.statements).as("supplier statements").isNotEmpty();
        assertThat(x.creditNotes).as("credit notes").isNotEmpty();
    }

    private static void assertShare(Map<InvoiceProblem, Long> counts, double n, InvoiceProblem p, double min,
            double max) {
        assertThat(counts.getOrDefault(p, 0L) / n).as("share of %s", p).isBetween(min, max);
    }

    /** Every PDF opens with PDFBox and its text carries its number and its total as the layout prints them. */
    static void pdfsCarryTheirNumberAndTotal(DatasetIndex x) {
        assertThat(x.documentLabels).isNotEmpty();
        for (DocumentLabel d : x.documentLabels) {
            try (PDDocument doc = Loader.loadPDF(x.dataset.readPdf(d.file()))) {
                assertThat(doc.getNumberOfPages()).as(d.file()).isEqualTo(d.pages());
                assertThat(doc.getDocumentInformation().getTitle()).as("no title hint in %s", d.file()).isNull();
                assertThat(doc.getDocumentInformation().getKeywords()).isNull();
                String text = new PDFTextStripper().getText(doc);
                if (d.documentNumber() != null) {
                    assertThat(text).as(d.file()).contains(d.documentNumber());
                }
                assertThat(text).as(d.file()).contains(InvoiceLayouts.formatNumber(d.layout(), d.total()));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot open " + d.file(), e);
            }
        }
    }
}
