package io.backroom.sampledata.generator;

import io.backroom.sampledata.pdf.DocumentSink;

import io.backroom.sampledata.io.DatasetWriter;
import io.backroom.sampledata.labels.InvoiceLabel;
import io.backroom.sampledata.labels.InvoiceProblem;
import io.backroom.sampledata.labels.RootCause;
import io.backroom.sampledata.model.ApprovalType;
import io.backroom.sampledata.model.Charge;
import io.backroom.sampledata.model.ChargeType;
import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.Decision;
import io.backroom.sampledata.model.ExceptionCode;
import io.backroom.sampledata.model.ExceptionResolution;
import io.backroom.sampledata.model.GoodsReceipt;
import io.backroom.sampledata.model.IntegrationFlow;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.InvoiceLine;
import io.backroom.sampledata.model.Item;
import io.backroom.sampledata.model.PurchaseOrder;
import io.backroom.sampledata.model.PurchaseOrderLine;
import io.backroom.sampledata.model.PurchaseOrderOrigin;
import io.backroom.sampledata.model.ReorderPolicy;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.User;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Purchase orders, goods receipts, PO invoices with injected problems and their labels, the history of resolved
 * holds, credit notes, and the supplier accounts that statements and reminders are drawn from. Streams every
 * record as it is made; only small rolling windows are kept in memory.
 */
final class ProcurementGenerator {
    /** Invoices received this many days before the as-of date or later are still open. */
    static final int OPEN_DAYS = 14;
    static final BigDecimal DEFAULT_PRICE_TOLERANCE = io.backroom.api.model.Tolerances.DEFAULT_PRICE_UPPER_PERCENT
            .setScale(2, java.math.RoundingMode.UNNECESSARY);

    /** Probabilities, per PO invoice, of the problem that replaces a clean invoice. */
    static final double P_PRICE = 0.08;
    static final double P_QUANTITY = 0.045;
    static final double P_RECEIPT = 0.045;
    static final double P_FREIGHT = 0.02;
    static final double P_TAX = 0.012;
    static final double P_PO_TYPO = 0.007;
    /** Probabilities, per PO invoice, of an extra problem invoice. */
    static final double P_DUPLICATE = 0.015;
    static final double P_CLOSED_PO = 0.006;
    static final double P_NOT_OUR_ORDER = 0.004;
    /** Share of clean invoices with a price deviation inside tolerance. */
    static final double P_PRICE_NOISE = 0.08;
    /** Share of released invoices that are paid well after their due date (the supplier then sends reminders). */
    static final double P_PAID_LATE = 0.08;
    /** Share of decisions that differ from the ground-truth resolution. */
    static final double P_HUMAN_ERROR = 0.07;

    /** Sinks for everything this generator writes. */
    record Sinks(DatasetWriter.Sink<PurchaseOrder> orders, DatasetWriter.Sink<GoodsReceipt> receipts,
            DatasetWriter.Sink<Invoice> invoices, DatasetWriter.Sink<CreditNote> creditNotes,
            DatasetWriter.Sink<ExceptionResolution> history, DatasetWriter.Sink<InvoiceLabel> labels) {
    }

    private final Retailer retailer;
    private final Preset preset;
    private final LocalDate asOf;
    private final Instant asOfStart;
    private final Sinks sinks;
    private final IntegrationTraffic traffic;
    private final ApprovalGenerator approvals;
    private final DocumentSink documents;
    private final SupplierAccounts accounts;
    private final List<Supplier> activeSuppliers;
    private final InvoiceNumbers numbers;
    private final ArrayDeque<Invoice> recentCleanInvoices = new ArrayDeque<>();
    private final ArrayDeque<PurchaseOrder> closedOrders = new ArrayDeque<>();
    private long poSequence;
    private long receiptSequence;
    private long invoiceSequence;
    private long creditSequence;
    private long historySequence;

    ProcurementGenerator(Retailer retailer, Preset preset, LocalDate asOf, Sinks sinks, IntegrationTraffic traffic,
            ApprovalGenerator approvals, DocumentSink documents, SupplierAccounts accounts, InvoiceNumbers numbers) {
        this.numbers = numbers;
        this.retailer = retailer;
        this.preset = preset;
        this.asOf = asOf;
        this.asOfStart = asOf.atStartOfDay(ZoneOffset.UTC).toInstant();
        this.sinks = sinks;
        this.traffic = traffic;
        this.approvals = approvals;
        this.documents = documents;
        this.accounts = accounts;
        this.activeSuppliers = retailer.activeMerchandiseSuppliers();
    }

    /** Generates every day from {@code historyStart} up to the day before the as-of date. */
    void run(LocalDate historyStart, Rng rng, Progress progress) {
        if (activeSuppliers.isEmpty()) {
            return;
        }
        long totalDays = java.time.temporal.ChronoUnit.DAYS.between(historyStart, asOf);
        long done = 0;
        for (LocalDate day = historyStart; day.isBefore(asOf); day = day.plusDays(1)) {
            Rng dr = rng.child("day", day.toEpochDay());
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            int orders = dr.poisson(preset.purchaseOrdersPerWeekday() * (weekend ? 0.3 : 1.0));
            for (int i = 0; i < orders; i++) {
                purchaseOrder(day, dr.child("po", i));
            }
            if (!day.isBefore(asOf.minusDays(3))) {
                pendingReplenishments(day, dr.child("pending"));
            }
            progress.report("purchase orders", ++done, totalDays);
        }
    }

    // ---------------------------------------------------------------- purchase orders

    private void purchaseOrder(LocalDate day, Rng r) {
        Supplier supplier = r.pick(activeSuppliers);
        Store store = r.pick(retailer.stores);
        boolean replenishment = r.chance(0.6);
        List<Item> catalogue = retailer.itemsBySupplier.get(supplier.id());
        int lineCount = replenishment ? Math.min(r.geometric(3.5), 12)
                : r.chance(0.06) ? r.between(18, 45) : Math.min(r.geometric(6), 16);
        lineCount = Math.min(lineCount, catalogue.size());
        List<Item> chosen = new ArrayList<>();
        while (chosen.size() < lineCount) {
            Item item = r.pick(catalogue);
            if (!chosen.contains(item)) {
                chosen.add(item);
            }
        }
        List<PurchaseOrderLine> lines = new ArrayList<>();
        for (Item item : chosen) {
            int qty;
            if (replenishment) {
                ReorderPolicy policy = item.reorderPolicies().get(store.sizeTier().ordinal());
                qty = policy.reorderQuantity();
            } else {
                qty = r.chance(0.5) ? r.between(1, 20) * 6 : r.between(5, 150);
            }
            BigDecimal price = r.chance(0.25) ? Money.raiseUnitPrice(item.cost(), r.uniform(-4, 0)) : item.cost();
            lines.add(new PurchaseOrderLine(lines.size() + 1, item.id(), item.name(), item.category(),
                    BigDecimal.valueOf(qty), item.unit(), price));
        }
        boolean freightAdded = r.chance(0.3);
        BigDecimal agreedFreight = freightAdded ? Money.cents(r.between(25, 150)) : null;
        User buyer = retailer.buyers.get(Math.floorMod(chosen.get(0).category().hashCode(), retailer.buyers.size()));
        LocalDate expected = day.plusDays(r.between(2, 10));
        String poId = String.format(Locale.ROOT, "PO-%d-%06d", day.getYear(), ++poSequence);

        BigDecimal orderTotal = Money.ZERO;
        for (PurchaseOrderLine l : lines) {
            orderTotal = orderTotal.add(Money.times(l.orderedQuantity(), l.unitPrice()));
        }
        Instant ordered = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(r.between(420, 1080)));
        BigDecimal orderEur = ApprovalGenerator.toEur(orderTotal, supplier.currency());
        if (replenishment && orderEur.doubleValue() > ApprovalGenerator.REPLENISHMENT_THRESHOLD) {
            String requester = retailer.storeManagerByStore.get(store.id()).id();
            boolean approved = approvals.request(ApprovalType.REPLENISHMENT_ORDER, store, requester, orderEur,
                    "Replenishment " + chosen.get(0).category() + " (" + lines.size() + " lines) from "
                            + supplier.name(), poId, ordered, r);
            if (!approved) {
                poSequence--;
                return;
            }
        }
        PurchaseOrderOrigin origin = replenishment ? PurchaseOrderOrigin.REPLENISHMENT : PurchaseOrderOrigin.BUYER;
        traffic.emit(IntegrationFlow.ERP_PO_TO_SUPPLIER_PORTAL, poId, ordered, r);
        traffic.emit(IntegrationFlow.SUPPLIER_PORTAL_CONFIRMATIONS_TO_ERP, poId,
                ordered.plus(Duration.ofMinutes(r.between(20, 2000))), r);

        if (r.chance(0.01)) {
            sinks.orders().write(new PurchaseOrder(poId, supplier.id(), store.id(), buyer.id(), origin, day, expected,
                    supplier.currency(), "CANCELLED", freightAdded ? "FREIGHT_ADDED" : "FREE_DELIVERY",
                    agreedFreight, List.copyOf(lines)));
            return;
        }
        PurchaseOrder po = new PurchaseOrder(poId, supplier.id(), store.id(), buyer.id(), origin, day, expected,
                supplier.currency(), "OPEN", freightAdded ? "FREIGHT_ADDED" : "FREE_DELIVERY", agreedFreight,
                List.copyOf(lines));
        fulfil(po, supplier, r);
    }

    /** A receipt plan entry: quantity of one PO line arriving on one day. */
    private record Delivery(int lineNo, LocalDate day, BigDecimal quantity) {
    }

    private void fulfil(PurchaseOrder po, Supplier supplier, Rng r) {
        InvoiceProblem problem = drawProblem(r);
        if (problem == InvoiceProblem.MISSING_RECEIPT && po.orderDate().isBefore(asOf.minusDays(12))) {
            problem = InvoiceProblem.LATE_RECEIPT;
        }
        int lateness = r.chance(supplier.reliability().doubleValue()) ? 0 : r.between(1, 8);
        LocalDate delivery = po.expectedDate().plusDays(lateness);
        List<Delivery> plan = new ArrayList<>();
        Map<Integer, BigDecimal> billed = new HashMap<>();
        List<Integer> affected = new ArrayList<>();
        RootCause cause = RootCause.NONE;
        if (problem == InvoiceProblem.QUANTITY_OVER_RECEIPT) {
            cause = r.chance(0.75) ? RootCause.SHORT_SHIPMENT_BILLED_IN_FULL : RootCause.OVER_BILLING;
            affected.addAll(pickLines(po, r.between(1, 2), r));
        }
        for (PurchaseOrderLine line : po.lines()) {
            BigDecimal ordered = line.orderedQuantity();
            int q = ordered.intValue();
            if (affected.contains(line.lineNo()) && cause == RootCause.SHORT_SHIPMENT_BILLED_IN_FULL && q >= 2) {
                BigDecimal received = BigDecimal.valueOf(Math.max(1, (int) Math.floor(q * r.uniform(0.5, 0.92))));
                received = received.min(ordered.subtract(BigDecimal.ONE));
                plan.add(new Delivery(line.lineNo(), delivery, received));
                billed.put(line.lineNo(), ordered);
                continue;
            }
            if (affected.contains(line.lineNo())) {
                plan.add(new Delivery(line.lineNo(), delivery, ordered));
                billed.put(line.lineNo(), ordered.add(BigDecimal.valueOf(Math.max(1, Math.round(q * r.uniform(0.05,
                        0.3))))));
                continue;
            }
            double outcome = problem == InvoiceProblem.NONE ? r.nextDouble() : 1.0;
            if (outcome < 0.06 && q >= 2) {
                BigDecimal first = BigDecimal.valueOf((long) Math.ceil(q * 0.6));
                plan.add(new Delivery(line.lineNo(), delivery, first));
                plan.add(new Delivery(line.lineNo(), delivery.plusDays(r.between(2, 7)), ordered.subtract(first)));
                billed.put(line.lineNo(), ordered);
            } else if (outcome < 0.10 && q >= 3) {
                BigDecimal received = BigDecimal.valueOf((long) Math.floor(q * r.uniform(0.7, 0.95)));
                plan.add(new Delivery(line.lineNo(), delivery, received));
                billed.put(line.lineNo(), received);
            } else if (outcome < 0.12) {
                BigDecimal received = ordered.add(BigDecimal.valueOf(r.between(1, Math.max(1, q / 20))));
                plan.add(new Delivery(line.lineNo(), delivery, received));
                billed.put(line.lineNo(), received);
            } else {
                plan.add(new Delivery(line.lineNo(), delivery, ordered));
                billed.put(line.lineNo(), ordered);
            }
        }
        if (affected.isEmpty() && problem == InvoiceProblem.QUANTITY_OVER_RECEIPT) {
            problem = InvoiceProblem.NONE;
            cause = RootCause.NONE;
        }

        LocalDate lastDelivery = plan.stream().map(Delivery::day).max(LocalDate::compareTo).orElse(delivery);
        LocalDate invoiceDate;
        LocalDate invoiceReceived;
        if (problem == InvoiceProblem.MISSING_RECEIPT || problem == InvoiceProblem.LATE_RECEIPT) {
            invoiceDate = po.orderDate().plusDays(r.between(1, 3));
            invoiceReceived = invoiceDate.plusDays(r.between(0, 2));
            LocalDate posted = problem == InvoiceProblem.MISSING_RECEIPT ? asOf.plusDays(r.between(1, 10))
                    : max(delivery, invoiceReceived.plusDays(r.between(2, 9)));
            if (!posted.isBefore(asOf)) {
                problem = InvoiceProblem.MISSING_RECEIPT;
            }
            cause = problem == InvoiceProblem.MISSING_RECEIPT ? RootCause.GOODS_IN_TRANSIT
                    : RootCause.RECEIPT_POSTED_LATE;
            List<Delivery> moved = new ArrayList<>();
            for (Delivery d : plan) {
                moved.add(new Delivery(d.lineNo(), posted, d.quantity()));
            }
            plan = moved;
            lastDelivery = posted;
        } else {
            invoiceDate = lastDelivery.plusDays(r.between(0, 2));
            invoiceReceived = invoiceDate.plusDays(r.chance(0.6) ? r.between(0, 1) : r.between(2, 5));
        }

        // receipts that happened before the as-of date
        List<GoodsReceipt> receipts = new ArrayList<>();
        Map<LocalDate, String> notes = new HashMap<>();
        for (Delivery d : plan) {
            if (d.day().isBefore(asOf)) {
                String note = notes.computeIfAbsent(d.day(), k -> "DN-" + r.code(6));
                receipts.add(new GoodsReceipt(String.format(Locale.ROOT, "GR-%08d", ++receiptSequence), po.id(),
                        d.lineNo(), po.storeId(), d.day(), d.quantity(), note));
            }
        }
        boolean invoiced = invoiceReceived.isBefore(asOf);
        InvoiceDraft draft = null;
        if (invoiced) {
            draft = cleanDraft(po, supplier, billed, invoiceDate, invoiceReceived, problem == InvoiceProblem.NONE, r);
            Map<Integer, BigDecimal> received = new HashMap<>();
            for (Delivery dl : plan) {
                received.merge(dl.lineNo(), dl.quantity(), BigDecimal::add);
            }
            applyProblem(draft, po, supplier, problem, cause, affected, received, r);
        }
        boolean allReceived = plan.stream().allMatch(d -> d.day().isBefore(asOf));
        Invoice invoice = draft == null ? null : finish(draft, po, r);
        String status = invoice != null && "CLOSED".equals(invoice.status()) && allReceived ? "CLOSED" : "OPEN";
        PurchaseOrder written = new PurchaseOrder(po.id(), po.supplierId(), po.storeId(), po.buyerUserId(),
                po.origin(), po.orderDate(), po.expectedDate(), po.currency(), status, po.freightTerms(),
                po.agreedFreight(), po.lines());
        sinks.orders().write(written);
        for (GoodsReceipt gr : receipts) {
            sinks.receipts().write(gr);
        }
        for (Map.Entry<LocalDate, String> e : notes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            traffic.emit(IntegrationFlow.WMS_RECEIPTS_TO_ERP, po.id() + "/" + e.getValue(),
                    e.getKey().atStartOfDay(ZoneOffset.UTC).toInstant().plus(Duration.ofMinutes(r.between(360, 1200))),
                    r);
        }
        if (invoice != null) {
            writeInvoice(invoice, draft, po, r);
            if ("CLOSED".equals(status)) {
                remember(closedOrders, written, 400);
            }
            extras(po, supplier, invoice, r);
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static <T> void remember(ArrayDeque<T> window, T value, int size) {
        window.addLast(value);
        if (window.size() > size) {
            window.removeFirst();
        }
    }

    private static List<Integer> pickLines(PurchaseOrder po, int count, Rng r) {
        List<Integer> picked = new ArrayList<>();
        int n = Math.min(count, po.lines().size());
        while (picked.size() < n) {
            int lineNo = r.between(1, po.lines().size());
            if (!picked.contains(lineNo)) {
                picked.add(lineNo);
            }
        }
        picked.sort(Integer::compare);
        return picked;
    }

    private InvoiceProblem drawProblem(Rng r) {
        double x = r.nextDouble();
        double[] p = {P_PRICE, P_QUANTITY, P_RECEIPT, P_FREIGHT, P_TAX, P_PO_TYPO};
        InvoiceProblem[] problems = {InvoiceProblem.PRICE_VARIANCE, InvoiceProblem.QUANTITY_OVER_RECEIPT,
            InvoiceProblem.MISSING_RECEIPT, InvoiceProblem.UNPLANNED_FREIGHT, InvoiceProblem.TAX_ERROR,
            InvoiceProblem.UNKNOWN_PO};
        for (int i = 0; i < p.length; i++) {
            if (x < p[i]) {
                return problems[i];
            }
            x -= p[i];
        }
        return InvoiceProblem.NONE;
    }

    // ---------------------------------------------------------------- invoices

    /** An invoice being assembled, with its ground truth. */
    private static final class InvoiceDraft {
        String invoiceNumber;
        String supplierId;
        String poReference;
        String storeId;
        LocalDate invoiceDate;
        LocalDate received;
        String currency;
        Supplier supplier;
        List<InvoiceLine> lines = new ArrayList<>();
        List<Charge> charges = new ArrayList<>();
        BigDecimal taxOverride;
        InvoiceProblem problem = InvoiceProblem.NONE;
        RootCause cause = RootCause.NONE;
        Decision resolution = Decision.RELEASE;
        List<Integer> lineNos = List.of();
        String duplicateOf;
        String detail;
        BigDecimal atRisk = Money.ZERO;
        LocalDate receiptPostedOn;
    }

    private InvoiceDraft cleanDraft(PurchaseOrder po, Supplier supplier, Map<Integer, BigDecimal> billed,
            LocalDate invoiceDate, LocalDate received, boolean noise, Rng r) {
        InvoiceDraft d = new InvoiceDraft();
        d.invoiceNumber = numbers.next(supplier, invoiceDate);
        d.supplierId = supplier.id();
        d.supplier = supplier;
        d.poReference = po.id();
        d.storeId = po.storeId();
        d.invoiceDate = invoiceDate;
        d.received = received;
        d.currency = supplier.currency();
        int noisyLine = r.chance(P_PRICE_NOISE) && noise ? r.between(1, po.lines().size()) : -1;
        double tolerance = priceTolerance(supplier).doubleValue();
        boolean omitPoLines = r.chance(0.05);
        for (PurchaseOrderLine pl : po.lines()) {
            BigDecimal qty = billed.get(pl.lineNo());
            if (qty == null || qty.signum() == 0) {
                continue;
            }
            BigDecimal price = pl.unitPrice();
            if (pl.lineNo() == noisyLine) {
                double within = Math.min(1.5, tolerance * 0.7);
                BigDecimal noisy = Money.raiseUnitPrice(price, r.uniform(-within, within));
                double deviation = Math.abs(noisy.doubleValue() / price.doubleValue() - 1) * 100;
                price = deviation <= tolerance * 0.9 ? noisy : price;
            }
            Item item = retailer.item(pl.itemId());
            d.lines.add(new InvoiceLine(d.lines.size() + 1, omitPoLines ? null : pl.lineNo(), pl.itemId(),
                    item.supplierSku(), supplierDescription(item, r), qty, pl.unit(), price, supplier.taxRate(),
                    Money.times(qty, price)));
        }
        if ("FREIGHT_ADDED".equals(po.freightTerms())) {
            d.charges.add(new Charge(ChargeType.FREIGHT, freightLabel(supplier.language()),
                    Money.cents(po.agreedFreight().doubleValue() * r.uniform(0.6, 1.0))));
        }
        return d;
    }

    private static String supplierDescription(Item item, Rng r) {
        return r.chance(0.5) ? item.name() : item.name().toUpperCase(Locale.ROOT);
    }

    static String freightLabel(String language) {
        return switch (language) {
            case "fr" -> "Frais de port";
            case "de" -> "Frachtkosten";
            case "nl" -> "Vrachtkosten";
            case "es" -> "Portes";
            default -> "Freight";
        };
    }

    static BigDecimal priceTolerance(Supplier s) {
        return s.toleranceOverride() != null ? s.toleranceOverride().priceVariancePercent() : DEFAULT_PRICE_TOLERANCE;
    }

    private void applyProblem(InvoiceDraft d, PurchaseOrder po, Supplier supplier, InvoiceProblem problem,
            RootCause cause, List<Integer> affected, Map<Integer, BigDecimal> received, Rng r) {
        d.problem = problem;
        d.cause = cause;
        switch (problem) {
            case NONE -> d.resolution = Decision.RELEASE;
            case PRICE_VARIANCE -> priceVariance(d, supplier, r);
            case QUANTITY_OVER_RECEIPT -> {
                d.resolution = Decision.REQUEST_CREDIT_MEMO;
                List<Integer> invoiceLines = new ArrayList<>();
                BigDecimal risk = Money.ZERO;
                for (int lineNo : affected) {
                    PurchaseOrderLine pl = po.lines().get(lineNo - 1);
                    InvoiceLine il = lineFor(d, pl);
                    invoiceLines.add(il.lineNo());
                    BigDecimal excess = il.quantity().subtract(received.get(lineNo));
                    risk = risk.add(Money.times(excess, il.unitPrice()));
                }
                invoiceLines.sort(Integer::compare);
                d.lineNos = List.copyOf(invoiceLines);
                d.atRisk = risk;
                d.detail = cause == RootCause.OVER_BILLING ? "Invoiced more than ordered and received"
                        : "Short shipment billed in full";
            }
            case MISSING_RECEIPT, LATE_RECEIPT -> {
                d.resolution = Decision.WAIT_FOR_RECEIPT;
                d.atRisk = null;
                d.detail = problem == InvoiceProblem.MISSING_RECEIPT ? "Invoice arrived before the goods"
                        : "Goods arrived but the receipt was posted after the invoice";
            }
            case UNPLANNED_FREIGHT -> {
                BigDecimal freight;
                if ("FREIGHT_ADDED".equals(po.freightTerms())) {
                    d.charges.clear();
                    freight = Money.cents(po.agreedFreight().doubleValue() * r.uniform(1.3, 2.2));
                } else {
                    freight = Money.cents(r.logNormal(60, 0.6));
                }
                d.charges.add(new Charge(ChargeType.FREIGHT, freightLabel(supplier.language()), freight));
                d.cause = r.chance(0.65) ? RootCause.FREIGHT_NOT_AGREED : RootCause.FREIGHT_AGREED_OFF_PO;
                d.resolution = d.cause == RootCause.FREIGHT_NOT_AGREED ? Decision.REQUEST_CREDIT_MEMO
                        : Decision.RELEASE;
                d.atRisk = "FREIGHT_ADDED".equals(po.freightTerms()) ? freight.subtract(po.agreedFreight()) : freight;
                d.detail = "Freight " + freight + " " + d.currency + " not covered by the PO";
            }
            case TAX_ERROR -> taxError(d, supplier, r);
            case UNKNOWN_PO -> {
                d.poReference = typo(po.id(), r);
                d.cause = RootCause.PO_NUMBER_TYPO;
                d.resolution = Decision.ROUTE_TO_BUYER;
                d.detail = "PO number " + d.poReference + " should read " + po.id();
            }
            default -> throw new IllegalStateException("not a replacing problem: " + problem);
        }
    }

    /** The invoice line billing {@code pl}: by PO line number, or by item when the supplier omitted it. */
    private static InvoiceLine lineFor(InvoiceDraft d, PurchaseOrderLine pl) {
        for (InvoiceLine l : d.lines) {
            if (l.poLineNo() != null ? l.poLineNo() == pl.lineNo() : pl.itemId().equals(l.itemId())) {
                return l;
            }
        }
        throw new IllegalStateException("PO line " + pl.lineNo() + " is not billed");
    }

    private void priceVariance(InvoiceDraft d, Supplier supplier, Rng r) {
        double tolerance = priceTolerance(supplier).doubleValue();
        boolean increase = r.chance(0.55);
        d.cause = increase ? RootCause.SUPPLIER_PRICE_INCREASE_NOT_ON_PO : RootCause.SUPPLIER_PRICING_ERROR;
        d.resolution = increase ? Decision.ROUTE_TO_BUYER : Decision.REQUEST_CREDIT_MEMO;
        double pct = increase ? r.pick(3.0, 4.0, 5.0, 6.0, 7.5, 8.0, 10.0) : r.uniform(2.5, 30.0);
        if (pct <= tolerance + 0.6) {
            pct = tolerance + (increase ? 1.0 : r.uniform(1.0, 12.0));
        }
        int count = increase ? Math.max(1, (int) Math.ceil(d.lines.size() * r.uniform(0.3, 1.0))) : r.between(1, 2);
        List<Integer> picked = new ArrayList<>();
        while (picked.size() < Math.min(count, d.lines.size())) {
            int n = r.between(1, d.lines.size());
            if (!picked.contains(n)) {
                picked.add(n);
            }
        }
        picked.sort(Integer::compare);
        BigDecimal risk = Money.ZERO;
        List<Integer> hit = new ArrayList<>();
        for (int lineNo : picked) {
            InvoiceLine l = d.lines.get(lineNo - 1);
            BigDecimal price = Money.raiseUnitPrice(l.unitPrice(), pct);
            if (price.subtract(l.unitPrice()).doubleValue() / l.unitPrice().doubleValue() * 100 <= tolerance) {
                price = Money.cents(l.unitPrice().doubleValue() * (1 + (tolerance + 1.5) / 100) + 0.01);
            }
            InvoiceLine changed = new InvoiceLine(l.lineNo(), l.poLineNo(), l.itemId(), l.supplierSku(),
                    l.description(), l.quantity(), l.unit(), price, l.taxRate(), Money.times(l.quantity(), price));
            risk = risk.add(changed.netAmount().subtract(l.netAmount()));
            d.lines.set(lineNo - 1, changed);
            hit.add(lineNo);
        }
        d.lineNos = List.copyOf(hit);
        d.atRisk = risk;
        d.detail = "Unit price " + new BigDecimal(pct).setScale(1, java.math.RoundingMode.HALF_UP) + "% above PO on "
                + hit.size() + " line(s)";
    }

    private void taxError(InvoiceDraft d, Supplier supplier, Rng r) {
        d.cause = RootCause.WRONG_TAX_RATE;
        d.resolution = Decision.REJECT;
        BigDecimal right = supplier.taxRate();
        if (r.chance(0.6)) {
            BigDecimal wrong;
            do {
                wrong = Money.percent(r.pick(0.0, 6.0, 9.0, 10.0, 19.0, 20.0, 21.0, 23.0));
            } while (wrong.compareTo(right) == 0);
            List<InvoiceLine> changed = new ArrayList<>();
            for (InvoiceLine l : d.lines) {
                changed.add(new InvoiceLine(l.lineNo(), l.poLineNo(), l.itemId(), l.supplierSku(), l.description(),
                        l.quantity(), l.unit(), l.unitPrice(), wrong, l.netAmount()));
            }
            d.lines = changed;
            d.detail = "Tax charged at " + wrong + "% instead of " + right + "%";
        } else {
            BigDecimal correct = Money.percentOf(subtotal(d), right);
            BigDecimal off = r.chance(0.5) ? Money.cents(r.pick(10, 100, 1000)) : Money.cents(Math.max(0.5,
                    correct.doubleValue() * r.uniform(0.02, 0.15)));
            d.taxOverride = correct.add(off);
            d.detail = "Tax amount mis-added by " + off;
        }
        d.atRisk = taxAmount(d).subtract(Money.percentOf(subtotal(d), right)).abs();
    }

    private static String typo(String poId, Rng r) {
        char[] c = poId.toCharArray();
        int start = poId.lastIndexOf('-') + 1;
        int i = start + r.nextInt(c.length - start - 1);
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        String swapped = new String(c);
        if (swapped.equals(poId)) {
            c[c.length - 1] = (char) ('0' + (c[c.length - 1] - '0' + 1 + r.nextInt(8)) % 10);
            swapped = new String(c);
        }
        // PO numbers are sequential: a swapped number may exist; prefixing a digit makes it certainly unknown
        return r.chance(0.5) ? poId.substring(0, start) + "9" + swapped.substring(start) : swapped.replace("PO-",
                "PO");
    }

    private static BigDecimal subtotal(InvoiceDraft d) {
        BigDecimal s = Money.ZERO;
        for (InvoiceLine l : d.lines) {
            s = s.add(l.netAmount());
        }
        for (Charge c : d.charges) {
            s = s.add(c.amount());
        }
        return s;
    }

    private static BigDecimal taxAmount(InvoiceDraft d) {
        if (d.taxOverride != null) {
            return d.taxOverride;
        }
        BigDecimal tax = Money.ZERO;
        BigDecimal rate = d.lines.isEmpty() ? d.supplier.taxRate() : d.lines.get(0).taxRate();
        for (InvoiceLine l : d.lines) {
            tax = tax.add(Money.percentOf(l.netAmount(), l.taxRate()));
        }
        for (Charge c : d.charges) {
            tax = tax.add(Money.percentOf(c.amount(), rate));
        }
        return tax;
    }

    /** The invoice record (without PDF) and its status at the as-of date. */
    private Invoice finish(InvoiceDraft d, PurchaseOrder po, Rng r) {
        BigDecimal subtotal = subtotal(d);
        BigDecimal tax = taxAmount(d);
        BigDecimal total = subtotal.add(tax);
        if (d.atRisk == null) {
            d.atRisk = total;
        }
        var terms = d.supplier.paymentTerms();
        boolean open = !d.received.isBefore(asOf.minusDays(OPEN_DAYS));
        return new Invoice(String.format(Locale.ROOT, "INV-%07d", ++invoiceSequence), d.invoiceNumber, d.supplierId,
                d.poReference, d.storeId, d.invoiceDate, d.received, d.invoiceDate.plusDays(terms.netDays()),
                d.currency, terms, List.copyOf(d.lines), List.copyOf(d.charges), subtotal, tax, total,
                open ? "OPEN" : "CLOSED", null);
    }

    private void writeInvoice(Invoice invoice, InvoiceDraft d, PurchaseOrder po, Rng r) {
        Rng hr = r.child("history");
        ExceptionResolution resolution = null;
        Invoice current = invoice;
        if (d.problem != InvoiceProblem.NONE && "CLOSED".equals(invoice.status())) {
            resolution = resolve(invoice, d, po, hr);
            if (resolution == null) {
                current = withStatus(invoice, "OPEN");
            }
        }
        String pdf = documents.invoice(current);
        if (pdf != null) {
            current = new Invoice(current.id(), current.invoiceNumber(), current.supplierId(), current.poReference(),
                    current.storeId(), current.invoiceDate(), current.receivedOn(), current.dueDate(),
                    current.currency(), current.paymentTerms(), current.lines(), current.charges(), current.subtotal(),
                    current.taxAmount(), current.total(), current.status(), pdf);
        }
        sinks.invoices().write(current);
        sinks.labels().write(new InvoiceLabel(current.id(), d.problem, d.cause, d.resolution, d.lineNos,
                d.duplicateOf, d.detail));
        traffic.emit(IntegrationFlow.SUPPLIER_PORTAL_INVOICES_TO_ERP, current.id(),
                current.receivedOn().atStartOfDay(ZoneOffset.UTC).toInstant()
                        .plus(Duration.ofMinutes(r.between(300, 1300))), r);
        LocalDate settled = null;
        if (resolution != null) {
            sinks.history().write(resolution);
            LocalDate decided = resolution.decidedAt().atZone(ZoneOffset.UTC).toLocalDate();
            settled = resolution.decision() == Decision.REJECT ? decided : max(current.dueDate(), decided);
            if (resolution.decision() == Decision.REQUEST_CREDIT_MEMO) {
                creditNote(current, resolution, d, hr);
            }
        } else if ("CLOSED".equals(current.status())) {
            var terms = current.paymentTerms();
            settled = terms.hasEarlyPaymentDiscount() ? current.invoiceDate().plusDays(terms.discountDays())
                    : current.dueDate();
            settled = max(settled, current.receivedOn().plusDays(1));
            if (hr.chance(P_PAID_LATE)) {
                settled = current.dueDate().plusDays(hr.between(8, 45));
            }
        }
        accounts.invoice(current, settled);
        if (d.problem == InvoiceProblem.NONE && d.taxOverride == null) {
            remember(recentCleanInvoices, current, 300);
        }
    }

    private static Invoice withStatus(Invoice i, String status) {
        return new Invoice(i.id(), i.invoiceNumber(), i.supplierId(), i.poReference(), i.storeId(), i.invoiceDate(),
                i.receivedOn(), i.dueDate(), i.currency(), i.paymentTerms(), i.lines(), i.charges(), i.subtotal(),
                i.taxAmount(), i.total(), status, i.pdfFile());
    }

    // ---------------------------------------------------------------- extra problem invoices

    private void extras(PurchaseOrder po, Supplier supplier, Invoice invoice, Rng r) {
        Rng er = r.child("extras");
        if (er.chance(P_DUPLICATE) && !recentCleanInvoices.isEmpty()) {
            List<Invoice> window = new ArrayList<>(recentCleanInvoices);
            Invoice original = window.get(er.nextInt(window.size()));
            duplicate(original, er);
        }
        if (er.chance(P_CLOSED_PO) && !closedOrders.isEmpty()) {
            List<PurchaseOrder> window = new ArrayList<>(closedOrders);
            PurchaseOrder closed = window.get(er.nextInt(window.size()));
            afterClose(closed, invoice.receivedOn(), er);
        }
        if (er.chance(P_NOT_OUR_ORDER)) {
            notOurOrder(po, supplier, invoice.receivedOn(), er);
        }
    }

    private void duplicate(Invoice original, Rng r) {
        Supplier supplier = retailer.supplier(original.supplierId());
        InvoiceDraft d = new InvoiceDraft();
        String number = original.invoiceNumber();
        d.invoiceNumber = r.chance(0.5) ? number : r.pick(number.replace("-", ""), number.replace("/", "-"),
                number + "-1", number.replaceFirst("^0+", ""), " " + number).trim();
        d.supplier = supplier;
        d.supplierId = supplier.id();
        d.poReference = original.poReference();
        d.storeId = original.storeId();
        d.invoiceDate = r.chance(0.7) ? original.invoiceDate() : original.invoiceDate().plusDays(r.between(1, 20));
        d.received = original.receivedOn().plusDays(r.between(3, 25));
        if (!d.received.isBefore(asOf)) {
            return;
        }
        d.currency = original.currency();
        d.lines = new ArrayList<>(original.lines());
        d.charges = new ArrayList<>(original.charges());
        d.problem = InvoiceProblem.DUPLICATE_INVOICE;
        d.cause = RootCause.SUPPLIER_RESUBMISSION;
        d.resolution = Decision.REJECT;
        d.duplicateOf = original.id();
        d.atRisk = original.total();
        d.detail = "Repeats invoice " + original.invoiceNumber();
        Invoice invoice = finish(d, null, r);
        writeInvoice(invoice, d, null, r);
    }

    private void afterClose(PurchaseOrder closed, LocalDate received, Rng r) {
        Supplier supplier = retailer.supplier(closed.supplierId());
        Map<Integer, BigDecimal> billed = new HashMap<>();
        for (int lineNo : pickLines(closed, r.between(1, Math.min(3, closed.lines().size())), r)) {
            BigDecimal q = closed.lines().get(lineNo - 1).orderedQuantity();
            billed.put(lineNo, BigDecimal.valueOf(Math.max(1, q.intValue() / r.between(1, 4))));
        }
        LocalDate date = received.minusDays(r.between(0, 3));
        InvoiceDraft d = cleanDraft(closed, supplier, billed, date, received, false, r);
        d.charges.clear();
        d.problem = InvoiceProblem.CLOSED_PO;
        d.cause = RootCause.INVOICED_AFTER_CLOSE;
        d.resolution = Decision.REJECT;
        d.atRisk = null;
        d.detail = "PO " + closed.id() + " was fully invoiced and closed";
        writeInvoice(finish(d, closed, r), d, closed, r);
    }

    private void notOurOrder(PurchaseOrder po, Supplier supplier, LocalDate received, Rng r) {
        Map<Integer, BigDecimal> billed = new HashMap<>();
        for (PurchaseOrderLine l : po.lines()) {
            billed.put(l.lineNo(), BigDecimal.valueOf(r.between(2, 40)));
        }
        InvoiceDraft d = cleanDraft(po, supplier, billed, received.minusDays(r.between(1, 4)), received, false, r);
        List<InvoiceLine> anonymous = new ArrayList<>();
        for (InvoiceLine l : d.lines) {
            anonymous.add(new InvoiceLine(l.lineNo(), null, null, l.supplierSku(), l.description(), l.quantity(),
                    l.unit(), l.unitPrice(), l.taxRate(), l.netAmount()));
        }
        d.lines = anonymous;
        d.charges.clear();
        d.poReference = "4500" + String.format(Locale.ROOT, "%06d", r.between(0, 999_999));
        d.storeId = null;
        d.problem = InvoiceProblem.UNKNOWN_PO;
        d.cause = RootCause.NOT_OUR_ORDER;
        d.resolution = Decision.REJECT;
        d.atRisk = null;
        d.detail = "Billed to another customer's order " + d.poReference;
        writeInvoice(finish(d, null, r), d, null, r);
    }

    // ---------------------------------------------------------------- history and credit notes

    private static ExceptionCode codeFor(InvoiceProblem problem) {
        return switch (problem) {
            case PRICE_VARIANCE -> ExceptionCode.PRICE_VARIANCE;
            case QUANTITY_OVER_RECEIPT -> ExceptionCode.QUANTITY_OVER_RECEIPT;
            case MISSING_RECEIPT, LATE_RECEIPT -> ExceptionCode.MISSING_RECEIPT;
            case DUPLICATE_INVOICE -> ExceptionCode.DUPLICATE_INVOICE;
            case UNPLANNED_FREIGHT -> ExceptionCode.UNPLANNED_CHARGE;
            case TAX_ERROR -> ExceptionCode.TAX_MISMATCH;
            case UNKNOWN_PO -> ExceptionCode.UNKNOWN_PO;
            case CLOSED_PO -> ExceptionCode.CLOSED_PO;
            case NONE -> throw new IllegalArgumentException("clean invoices are not held");
        };
    }

    /** The human decision on a held invoice, or {@code null} if it was still undecided at the as-of date. */
    private ExceptionResolution resolve(Invoice invoice, InvoiceDraft d, PurchaseOrder po, Rng r) {
        Instant held = invoice.receivedOn().atStartOfDay(ZoneOffset.UTC).toInstant()
                .plus(Duration.ofMinutes(r.between(360, 600)));
        double medianHours = switch (d.resolution) {
            case RELEASE -> 8;
            case REJECT -> 12;
            case REQUEST_CREDIT_MEMO -> 30;
            case ROUTE_TO_BUYER -> 52;
            case WAIT_FOR_RECEIPT -> 24;
        };
        BigDecimal atRiskEur = ApprovalGenerator.toEur(d.atRisk, invoice.currency());
        if (atRiskEur.doubleValue() > 2_000) {
            medianHours *= 0.5;
        }
        if (r.chance(0.1)) {
            medianHours *= 4;
        }
        Instant decided = held.plus(Duration.ofMinutes((long) (r.logNormal(medianHours, 0.8) * 60) + 5));
        if (d.problem == InvoiceProblem.LATE_RECEIPT) {
            decided = max(decided, invoice.receivedOn().plusDays(9).atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (!decided.isBefore(asOfStart)) {
            return null;
        }
        Decision decision = d.resolution;
        if (decision == Decision.REQUEST_CREDIT_MEMO && atRiskEur.doubleValue() < 15 && r.chance(0.6)) {
            decision = Decision.RELEASE;
        } else if (r.chance(P_HUMAN_ERROR)) {
            decision = switch (d.resolution) {
                case REQUEST_CREDIT_MEMO -> Decision.ROUTE_TO_BUYER;
                case ROUTE_TO_BUYER -> Decision.REQUEST_CREDIT_MEMO;
                case REJECT -> d.problem == InvoiceProblem.TAX_ERROR ? Decision.REQUEST_CREDIT_MEMO
                        : Decision.ROUTE_TO_BUYER;
                case RELEASE -> Decision.ROUTE_TO_BUYER;
                case WAIT_FOR_RECEIPT -> Decision.ROUTE_TO_BUYER;
            };
        }
        BigDecimal totalEur = ApprovalGenerator.toEur(invoice.total(), invoice.currency());
        User who = totalEur.doubleValue() > 10_000 ? r.pick(retailer.apSupervisors) : r.pick(retailer.apClerks);
        List<ExceptionCode> codes = new ArrayList<>();
        codes.add(codeFor(d.problem));
        if (d.problem == InvoiceProblem.UNPLANNED_FREIGHT && r.chance(0.15)) {
            codes.add(ExceptionCode.TAX_MISMATCH);
        }
        String note = switch (decision) {
            case RELEASE -> d.problem == InvoiceProblem.UNPLANNED_FREIGHT ? "Buyer confirmed freight by phone"
                    : "Small difference, released";
            case REQUEST_CREDIT_MEMO -> "Credit memo requested for " + d.atRisk + " " + invoice.currency();
            case ROUTE_TO_BUYER -> "Routed to buyer for confirmation";
            case REJECT -> d.problem == InvoiceProblem.DUPLICATE_INVOICE ? "Duplicate of " + d.duplicateOf
                    : "Rejected, supplier to reissue";
            case WAIT_FOR_RECEIPT -> "Released after goods receipt";
        };
        return new ExceptionResolution(String.format(Locale.ROOT, "EXH-%07d", ++historySequence), invoice.id(),
                List.copyOf(codes), held, d.atRisk, invoice.currency(), decision, who.id(), decided, note);
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private void creditNote(Invoice invoice, ExceptionResolution resolution, InvoiceDraft d, Rng r) {
        LocalDate issued = resolution.decidedAt().atZone(ZoneOffset.UTC).toLocalDate().plusDays(r.between(3, 15));
        if (!issued.isBefore(asOf) || d.atRisk.signum() <= 0) {
            return;
        }
        BigDecimal rate = invoice.lines().isEmpty() ? d.supplier.taxRate() : invoice.lines().get(0).taxRate();
        BigDecimal net = d.atRisk;
        BigDecimal tax = Money.percentOf(net, d.problem == InvoiceProblem.TAX_ERROR ? Money.ZERO : rate);
        if (d.problem == InvoiceProblem.TAX_ERROR) {
            tax = net;
            net = Money.ZERO;
        }
        String reason = switch (d.problem) {
            case PRICE_VARIANCE -> "Price correction";
            case QUANTITY_OVER_RECEIPT -> "Quantity not delivered";
            case UNPLANNED_FREIGHT -> "Freight charged in error";
            case TAX_ERROR -> "Tax correction";
            default -> "Correction";
        };
        Integer poLine = d.lineNos.isEmpty() ? null : invoice.lines().get(d.lineNos.get(0) - 1).poLineNo();
        InvoiceLine line = new InvoiceLine(1, poLine, null, null, reason + " re invoice " + invoice.invoiceNumber(),
                BigDecimal.ONE, "EA", net, rate, net);
        CreditNote note = new CreditNote(String.format(Locale.ROOT, "CN-%07d", ++creditSequence),
                "CN" + invoice.invoiceNumber(), invoice.supplierId(), invoice.id(), invoice.invoiceNumber(),
                invoice.poReference(), issued, invoice.currency(), reason, List.of(line), net, tax, net.add(tax), null);
        String pdf = documents.creditNote(note);
        if (pdf != null) {
            note = new CreditNote(note.id(), note.creditNoteNumber(), note.supplierId(), note.invoiceId(),
                    note.invoiceNumber(), note.poReference(), note.issueDate(), note.currency(), note.reason(),
                    note.lines(), note.subtotal(), note.taxAmount(), note.total(), pdf);
        }
        sinks.creditNotes().write(note);
        accounts.creditNote(note);
    }

    // ---------------------------------------------------------------- pending requests

    private void pendingReplenishments(LocalDate day, Rng r) {
        int n = r.poisson(preset.purchaseOrdersPerWeekday() * 0.05);
        for (int i = 0; i < n; i++) {
            Store store = r.pick(retailer.stores);
            Supplier supplier = r.pick(activeSuppliers);
            BigDecimal amount = Money.cents(r.logNormal(3_000, 0.9) + ApprovalGenerator.REPLENISHMENT_THRESHOLD);
            approvals.request(ApprovalType.REPLENISHMENT_ORDER, store,
                    retailer.storeManagerByStore.get(store.id()).id(), amount,
                    "Replenishment proposal from " + supplier.name(),
                    String.format(Locale.ROOT, "REQ-%s-%s-%02d", store.id(), day.toString().replace("-", ""), i),
                    asOfStart.plus(Duration.ofHours(1)), r);
        }
    }
}
