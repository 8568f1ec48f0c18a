package io.backroom.gateway.ap;

import io.backroom.api.InvoiceNumbers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.model.Charge;
import io.backroom.api.model.Decision;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.HistoryEntry;
import io.backroom.api.model.Hold;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.HoldStatus;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceCorrection;
import io.backroom.api.model.LineCorrection;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.LineMatch;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewInvoiceLine;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.Posting;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.User;
import io.backroom.gateway.auth.Permission;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.core.Ids;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.core.Violations;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.events.ChangeFeed;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The accounts-payable workflows: intake of purchase orders, goods receipts and invoices; the three-way match and
 * its holds; re-matching when a receipt, credit note or rejection changes the picture; and the decisions people
 * take. Every method runs inside the caller's write transaction; what they need from the ERP they read from the
 * gateway's read model, and what the ERP must learn (intake, postings) they queue in the gateway's outbox, both
 * through {@link ErpMirror}: no workflow waits for the ERP.
 */
public final class ApWorkflow {
    /** Actor name of decisions and resolutions the system takes by itself. */
    public static final String SYSTEM = "system";
    private static final Set<InvoiceStatus> HELD = Set.of(InvoiceStatus.ON_HOLD, InvoiceStatus.ROUTED_TO_BUYER,
            InvoiceStatus.AWAITING_CREDIT);

    /** The gateway's side of the ERP: read model and outbox, in the caller's transaction. */
    private final ErpMirror erp;
    private final TolerancePolicyStore policies;
    private final InvoiceRepository invoices;
    private final Clock clock;

    public ApWorkflow(ErpMirror erp, TolerancePolicyStore policies, ObjectMapper mapper, Clock clock) {
        this.erp = erp;
        this.policies = policies;
        this.invoices = new InvoiceRepository(mapper, erp);
        this.clock = clock;
    }

    // ==== purchase orders and receipts ====================================================================

    public PurchaseOrder createPurchaseOrder(Sql tx, Principal by, NewPurchaseOrder in) throws SQLException {
        Permission.ORDER.require(by);
        Violations v = new Violations();
        v.required("id", in.id());
        v.maxLength("id", in.id(), 64);
        Ids.check(v, "id", in.id());
        Ids.check(v, "buyerUserId", in.buyerUserId());
        v.required("orderDate", in.orderDate());
        boolean hasCurrency = v.required("currency", in.currency()) && Ids.currency(v, "currency", in.currency());
        if (v.required("supplierId", in.supplierId()) && Ids.check(v, "supplierId", in.supplierId())
                && erp.supplier(tx, in.supplierId()).isEmpty()) {
            v.add("supplierId", "no supplier '" + in.supplierId() + "'");
        }
        if (v.required("storeId", in.storeId()) && Ids.check(v, "storeId", in.storeId())
                && erp.store(tx, in.storeId()).isEmpty()) {
            v.add("storeId", "no store '" + in.storeId() + "'");
        }
        List<PurchaseOrderLine> lines = new ArrayList<>();
        if (in.lines() == null || in.lines().isEmpty()) {
            v.add("lines", "must have at least one line");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < in.lines().size(); i++) {
                PurchaseOrderLine l = in.lines().get(i);
                String f = "lines[" + i + "]";
                if (l == null) {
                    v.add(f, "must not be null");
                    continue;
                }
                v.lineNumber(f + ".lineNo", l.lineNo(), seen);
                v.positive(f + ".quantity", l.quantity());
                if (v.required(f + ".unitPrice", l.unitPrice())) {
                    v.notNegative(f + ".unitPrice.amount", l.unitPrice().amount());
                    InputRules.unitPrice(v, f + ".unitPrice.amount", l.unitPrice().amount());
                    if (hasCurrency && !in.currency().equals(l.unitPrice().currency())) {
                        v.add(f + ".unitPrice.currency", "must be the order's currency " + in.currency());
                    }
                }
                String category = l.category();
                Ids.check(v, f + ".itemId", l.itemId());
                v.maxLength(f + ".description", l.description(), 500);
                v.maxLength(f + ".category", l.category(), 100);
                v.maxLength(f + ".unit", l.unit(), 20);
                if (category == null && l.itemId() != null && Ids.valid(l.itemId())) {
                    category = erp.item(tx, l.itemId()).map(io.backroom.api.model.Item::category).orElse(null);
                }
                InputRules.taxRate(v, f + ".taxRate", l.taxRate());
                lines.add(new PurchaseOrderLine(l.lineNo(), l.itemId(), l.description(), category, l.quantity(),
                        l.unit(), l.unitPrice(), l.taxRate()));
            }
        }
        if (in.agreedFreight() != null) {
            money(v, "agreedFreight", in.agreedFreight(), in.currency(), hasCurrency, true);
        }
        v.throwIfAny();
        if (erp.purchaseOrderExists(tx, in.id())) {
            throw Problem.conflict("Purchase order " + in.id() + " already exists.");
        }
        BigDecimal total = lines.stream().map(l -> l.quantity().multiply(l.unitPrice().amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
        Instant now = clock.instant();
        PurchaseOrder po = new PurchaseOrder(in.id(), in.supplierId(), in.storeId(), in.buyerUserId(), in.orderDate(),
                in.expectedDate(), in.currency(), in.status() == null ? PurchaseOrderStatus.OPEN : in.status(), lines,
                new Money(total, in.currency()), 1, now, in.agreedFreight());
        erp.insertPurchaseOrder(tx, po);
        DutySeparation.recordOrder(tx, by, po, now);
        ChangeFeed.record(tx, "purchase-order.created", "purchase-order", po.id(), 1, now);
        // invoices quoting this PO before it existed were held PO_INVALID; re-match them now
        rematchPurchaseOrder(tx, po.id(), "purchase order " + po.id() + " arrived",
                new AutoRelease.Trigger(AutoRelease.Kind.PURCHASE_ORDER, by));
        return po;
    }

    public GoodsReceipt createGoodsReceipt(Sql tx, Principal by, NewGoodsReceipt in) throws SQLException {
        Permission.RECEIVE.require(by);
        Violations v = new Violations();
        v.maxLength("id", in.id(), 64);
        Ids.check(v, "id", in.id());
        Ids.check(v, "storeId", in.storeId());
        v.maxLength("deliveryNote", in.deliveryNote(), 200);
        v.required("receivedOn", in.receivedOn());
        PurchaseOrder po = null;
        if (v.required("purchaseOrderId", in.purchaseOrderId()) && Ids.check(v, "purchaseOrderId", in.purchaseOrderId())) {
            po = erp.purchaseOrder(tx, in.purchaseOrderId()).orElse(null);
            if (po == null) {
                v.add("purchaseOrderId", "no purchase order '" + in.purchaseOrderId() + "'");
            }
        }
        Map<Integer, BigDecimal> merged = new java.util.TreeMap<>();
        if (in.lines() == null || in.lines().isEmpty()) {
            v.add("lines", "must have at least one line");
        } else {
            for (int i = 0; i < in.lines().size(); i++) {
                GoodsReceiptLine l = in.lines().get(i);
                String f = "lines[" + i + "]";
                if (l == null) {
                    v.add(f, "must not be null");
                    continue;
                }
                // a negative quantity returns goods to the supplier (see ReturnsToVendor)
                if (v.required(f + ".quantity", l.quantity()) && l.quantity().signum() == 0) {
                    v.add(f + ".quantity", "must not be zero (negative: goods returned to the supplier)");
                }
                final PurchaseOrder order = po;
                if (order != null && order.lines().stream().noneMatch(pl -> pl.lineNo() == l.poLineNo())) {
                    v.add(f + ".poLineNo", order.id() + " has no line " + l.poLineNo());
                }
                if (l.quantity() != null) {
                    merged.merge(l.poLineNo(), l.quantity(), BigDecimal::add);
                }
            }
        }
        if (po != null) {
            ReturnsToVendor.check(v, po, in.lines(), merged, erp.receivedByLine(tx, po.id()));
        }
        v.throwIfAny();
        DutySeparation.requireMayReceive(tx, by, po);
        io.backroom.gateway.auth.RegionScope scope = io.backroom.gateway.auth.RegionScope.of(by);
        if (scope != null && !scope.allows(po.storeId(), erp.store(tx, po.storeId()).map(io.backroom.api.model.Store::regionId)
                .orElse(null))) {
            throw Problem.forbidden("Purchase order " + po.id() + " is for store " + po.storeId() + ", outside your "
                    + (scope.storeId() != null ? "store " + scope.storeId() : "region " + scope.regionId())
                    + "; its receipts are recorded there.");
        }
        String id = in.id() == null ? "GR-" + UUID.randomUUID() : in.id();
        if (erp.goodsReceiptExists(tx, id)) {
            throw Problem.conflict("Goods receipt " + id + " already exists.");
        }
        Instant now = clock.instant();
        GoodsReceipt receipt = new GoodsReceipt(id, po.id(), in.storeId() == null ? po.storeId() : in.storeId(),
                in.receivedOn(), in.deliveryNote(),
                merged.entrySet().stream().map(e -> new GoodsReceiptLine(e.getKey(), e.getValue())).toList(), now);
        erp.insertGoodsReceipt(tx, receipt);
        DutySeparation.recordReceipt(tx, by, id, po.id(), now);
        ChangeFeed.record(tx, "goods-receipt.created", "goods-receipt", id, 1, now);
        boolean isReturn = merged.values().stream().anyMatch(q -> q.signum() < 0);
        rematchPurchaseOrder(tx, po.id(), (isReturn ? "return to vendor " : "goods receipt ") + id + " arrived",
                new AutoRelease.Trigger(AutoRelease.Kind.RECEIPT, by));
        return receipt;
    }

    // ==== invoices ========================================================================================

    public Invoice createInvoice(Sql tx, Principal by, NewInvoice in) throws SQLException {
        Permission.INTAKE.require(by);
        InvoiceKind kind = in.kind() == null ? InvoiceKind.INVOICE : in.kind();
        Violations v = new Violations();
        v.maxLength("id", in.id(), 64);
        Ids.check(v, "id", in.id());
        Ids.check(v, "poReference", in.poReference());
        Ids.check(v, "creditedInvoiceId", in.creditedInvoiceId());
        Ids.check(v, "storeId", in.storeId());
        v.required("invoiceNumber", in.invoiceNumber());
        v.maxLength("invoiceNumber", in.invoiceNumber(), 64);
        v.required("invoiceDate", in.invoiceDate());
        v.required("dueDate", in.dueDate());
        if (in.invoiceDate() != null && in.dueDate() != null && in.dueDate().isBefore(in.invoiceDate())) {
            v.add("dueDate", "must not be before invoiceDate " + in.invoiceDate());
        }
        boolean hasCurrency = v.required("currency", in.currency()) && Ids.currency(v, "currency", in.currency());
        Supplier supplier = null;
        if (v.required("supplierId", in.supplierId()) && Ids.check(v, "supplierId", in.supplierId())) {
            supplier = erp.supplier(tx, in.supplierId()).orElse(null);
            if (supplier == null) {
                v.add("supplierId", "no supplier '" + in.supplierId() + "'");
            }
        }
        if (in.storeId() != null && Ids.valid(in.storeId()) && erp.store(tx, in.storeId()).isEmpty()) {
            v.add("storeId", "no store '" + in.storeId() + "'");
        }
        InvoiceRow credited = null;
        if (kind == InvoiceKind.CREDIT_NOTE && in.creditedInvoiceId() != null && Ids.valid(in.creditedInvoiceId())) {
            credited = invoices.row(tx, in.creditedInvoiceId()).orElse(null);
            if (credited == null || credited.kind() != InvoiceKind.INVOICE) {
                v.add("creditedInvoiceId", "no invoice '" + in.creditedInvoiceId() + "'");
            } else if (in.supplierId() != null && !credited.supplierId().equals(in.supplierId())) {
                v.add("creditedInvoiceId", "invoice '" + in.creditedInvoiceId() + "' is from supplier "
                        + credited.supplierId() + ", not from this credit note's supplier " + in.supplierId());
            }
        } else if (kind == InvoiceKind.INVOICE && in.creditedInvoiceId() != null) {
            v.add("creditedInvoiceId", "only a credit note credits an invoice");
        }
        money(v, "taxAmount", in.taxAmount(), in.currency(), hasCurrency, true);
        money(v, "total", in.total(), in.currency(), hasCurrency, true);
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal lineSum = BigDecimal.ZERO;
        if (in.lines() == null || in.lines().isEmpty()) {
            v.add("lines", "must have at least one line");
        } else {
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < in.lines().size(); i++) {
                NewInvoiceLine l = in.lines().get(i);
                String f = "lines[" + i + "]";
                if (l == null) {
                    v.add(f, "must not be null");
                    continue;
                }
                v.lineNumber(f + ".lineNo", l.lineNo(), seen);
                InvoiceLine line = line(v, f, l, kind, in.currency(), hasCurrency, supplier);
                if (line != null) {
                    lines.add(line);
                    lineSum = lineSum.add(line.netAmount().amount());
                }
            }
        }
        BigDecimal charges = BigDecimal.ZERO;
        List<Charge> chargeList = in.charges() == null ? List.of() : in.charges();
        for (int i = 0; i < chargeList.size(); i++) {
            Charge c = chargeList.get(i);
            if (c == null || !money(v, "charges[" + i + "].amount", c.amount(), in.currency(), hasCurrency, true)) {
                continue;
            }
            charges = charges.add(c.amount().amount());
        }
        v.throwIfAny();
        String id = in.id() == null ? "INV-" + UUID.randomUUID() : in.id();
        if (invoices.exists(tx, id)) {
            throw Problem.conflict("Invoice " + id + " already exists.");
        }
        Instant now = clock.instant();
        LocalDate discountDate = supplier.paymentTerms() != null && supplier.paymentTerms().discountDays() > 0
                && supplier.paymentTerms().discountPercent() != null
                && supplier.paymentTerms().discountPercent().signum() > 0
                ? in.invoiceDate().plusDays(supplier.paymentTerms().discountDays()) : null;
        String poRef = in.poReference() != null ? in.poReference() : credited != null ? credited.poReference() : null;
        String storeId = in.storeId();
        // the quoted PO, read once for the store, the line resolution and the match
        PurchaseOrder quoted = poRef == null || kind != InvoiceKind.INVOICE ? null
                : erp.purchaseOrder(tx, poRef).orElse(null);
        if (storeId == null && poRef != null) {
            storeId = quoted != null ? quoted.storeId()
                    : erp.purchaseOrder(tx, poRef).map(PurchaseOrder::storeId).orElse(null);
        }
        PurchaseOrder ordered = quoted != null || poRef == null ? quoted : erp.purchaseOrder(tx, poRef).orElse(null);
        if (poRef != null) {
            lines = resolvePoLines(ordered, lines);
        }
        DutySeparation.requireMayInvoice(tx, by, ordered);
        InvoiceRow row = new InvoiceRow(id, invoices.nextSeq(tx), kind, in.invoiceNumber().strip(), supplier.id(),
                poRef, storeId, in.invoiceDate(), in.receivedOn() == null ? LocalDate.now(clock) : in.receivedOn(),
                in.dueDate(), discountDate, in.currency(), InvoiceStatus.ON_HOLD, lineSum.add(charges),
                in.taxAmount().amount(), null, in.total().amount(), null, in.creditedInvoiceId(), by.id(), List.of(),
                false, lines, chargeList, 1, now, now);
        if (kind == InvoiceKind.CREDIT_NOTE) {
            return createCreditNote(tx, by, row, now);
        }
        MatchOutcome outcome = match(tx, row, quoted, supplier);
        row = withMatch(row, outcome);
        InvoiceStatus status = outcome.clean() ? InvoiceStatus.MATCHED : InvoiceStatus.ON_HOLD;
        row = withStatus(row, status, null);
        invoices.insert(tx, row, outcome.holds().stream().map(MatchOutcome.HoldDraft::code).toList());
        List<HistoryEntry> history = new ArrayList<>();
        history.add(invoices.history(tx, id, now, by.id(), "RECEIVED", "Entered by " + by.user().username() + "."));
        List<Hold> holds = new ArrayList<>();
        for (MatchOutcome.HoldDraft h : outcome.holds()) {
            holds.add(invoices.addHold(tx, id, h, now));
        }
        holds.sort(java.util.Comparator.comparing((Hold h) -> h.createdAt().toString()).thenComparing(Hold::id));
        Posting posted = null;
        if (outcome.clean()) {
            Money amount = new Money(row.total(), row.currency());
            String posting = erp.post(tx, id, amount, SYSTEM, now);
            posted = new Posting(posting, amount, now, SYSTEM);
            history.add(invoices.history(tx, id, now, SYSTEM, "MATCHED", "Matched within tolerance; posted as "
                    + posting + "."));
        } else {
            history.add(invoices.history(tx, id, now, SYSTEM, "HELD", String.join(", ",
                    outcome.holds().stream().map(h -> h.code().name()).distinct().toList())));
        }
        ChangeFeed.record(tx, "invoice.created", "invoice", id, 1, now);
        // the response is built from what was just written, not read back (IntakeResponseTest holds it to a GET)
        return InvoiceRepository.invoice(row, supplier.name(), holds, posted, history);
    }

    private Invoice createCreditNote(Sql tx, Principal by, InvoiceRow row, Instant now) throws SQLException {
        String duplicate = tx.one("SELECT id FROM invoices WHERE supplier_id = ? AND number_norm = ? AND kind = ? "
                        + "AND status <> ? LIMIT 1", rs -> rs.getString(1), row.supplierId(),
                InvoiceNumbers.normalise(row.invoiceNumber()), InvoiceKind.CREDIT_NOTE, InvoiceStatus.REJECTED)
                .orElse(null);
        List<MatchOutcome.HoldDraft> holds = new ArrayList<>();
        if (duplicate != null) {
            holds.add(new MatchOutcome.HoldDraft(HoldCode.DUPLICATE, null,
                    "Same supplier and credit-note number as " + duplicate + "."));
        }
        holds.addAll(new CreditNoteRules(new ToleranceResolver(policies.current(tx))).check(tx, row));
        InvoiceRow stored = withStatus(row, holds.isEmpty() ? InvoiceStatus.APPLIED : InvoiceStatus.ON_HOLD, null);
        invoices.insert(tx, stored, holds.stream().map(MatchOutcome.HoldDraft::code).toList());
        invoices.history(tx, row.id(), now, row.enteredBy(), "RECEIVED", "Credit note entered.");
        for (MatchOutcome.HoldDraft h : holds) {
            invoices.addHold(tx, row.id(), h, now);
        }
        ChangeFeed.record(tx, "invoice.created", "invoice", row.id(), 1, now);
        if (holds.isEmpty()) {
            AutoRelease.Trigger trigger = new AutoRelease.Trigger(AutoRelease.Kind.CREDIT_NOTE, by);
            if (row.creditedInvoiceId() != null) {
                rematch(tx, row.creditedInvoiceId(), "credit note " + row.id() + " arrived", true, trigger);
            }
            if (row.poReference() != null) {
                rematchPurchaseOrder(tx, row.poReference(), "credit note " + row.id() + " arrived", trigger);
            }
        }
        return invoices.load(tx, row.id()).orElseThrow();
    }

    /**
     * Lines that name no PO line are matched to the PO line of the same item (the first one this invoice has not
     * already billed), as a clerk would; lines whose item is not on the PO keep no PO line and are held.
     */
    private static List<InvoiceLine> resolvePoLines(PurchaseOrder po, List<InvoiceLine> lines) {
        if (lines.stream().allMatch(l -> l.poLineNo() != null)) {
            return lines;
        }
        if (po == null) {
            return lines;
        }
        Set<Integer> used = new HashSet<>();
        lines.forEach(l -> {
            if (l.poLineNo() != null) {
                used.add(l.poLineNo());
            }
        });
        List<InvoiceLine> out = new ArrayList<>();
        for (InvoiceLine l : lines) {
            Integer resolved = l.poLineNo();
            if (resolved == null && l.itemId() != null) {
                resolved = po.lines().stream().filter(pl -> l.itemId().equals(pl.itemId()) && !used.contains(pl.lineNo()))
                        .map(PurchaseOrderLine::lineNo).findFirst().orElse(null);
                if (resolved != null) {
                    used.add(resolved);
                }
            }
            out.add(new InvoiceLine(l.lineNo(), resolved, l.itemId(), l.description(), l.quantity(), l.unit(),
                    l.unitPrice(), l.taxRate(), l.netAmount(), l.match()));
        }
        return out;
    }

    private InvoiceLine line(Violations v, String f, NewInvoiceLine l, InvoiceKind kind, String currency,
            boolean hasCurrency, Supplier supplier) {
        boolean ok = true;
        BigDecimal qty = l.quantity();
        if (kind == InvoiceKind.INVOICE) {
            if (v.required(f + ".quantity", qty)) {
                v.notNegative(f + ".quantity", qty);
            } else {
                ok = false;
            }
        } else if (qty == null) {
            qty = BigDecimal.ZERO;
        } else {
            v.notNegative(f + ".quantity", qty);
        }
        Money price = l.unitPrice();
        if (price == null && kind == InvoiceKind.CREDIT_NOTE && l.netAmount() != null && l.netAmount().currency() != null) {
            price = Money.zero(l.netAmount().currency());
        }
        ok &= money(v, f + ".unitPrice", price, currency, hasCurrency, true);
        if (l.netAmount() != null) {
            ok &= money(v, f + ".netAmount", l.netAmount(), currency, hasCurrency, false);
        }
        if (l.taxRate() != null && (l.taxRate().signum() < 0 || l.taxRate().compareTo(new BigDecimal("100")) > 0)) {
            v.add(f + ".taxRate", "must be a percentage between 0 and 100, got " + l.taxRate().toPlainString());
            ok = false;
        }
        if (!ok || qty == null || qty.signum() < 0 || !hasCurrency) {
            return null;
        }
        BigDecimal computed = qty.multiply(price.amount()).setScale(2, RoundingMode.HALF_UP);
        BigDecimal net = l.netAmount() == null ? computed : l.netAmount().amount();
        if (kind == InvoiceKind.INVOICE && l.netAmount() != null
                && net.subtract(computed).abs().compareTo(new BigDecimal("0.01")) > 0) {
            v.add(f + ".netAmount", net.toPlainString() + " is not quantity x unitPrice (" + computed.toPlainString() + ")");
            return null;
        }
        BigDecimal rate = l.taxRate() != null ? l.taxRate() : supplier == null || supplier.taxRate() == null
                ? BigDecimal.ZERO : supplier.taxRate();
        return new InvoiceLine(l.lineNo(), l.poLineNo(), l.itemId(), l.description(), qty, l.unit(), price, rate,
                new Money(net, currency), null);
    }

    private static boolean money(Violations v, String field, Money m, String currency, boolean hasCurrency,
            boolean required) {
        if (m == null) {
            if (required) {
                v.add(field, "is required");
            }
            return !required;
        }
        if (m.amount() == null) {
            v.add(field + ".amount", "is required");
            return false;
        }
        if (m.amount().signum() < 0) {
            v.add(field + ".amount", "must not be negative, got " + m.amount().toPlainString());
            return false;
        }
        if (m.amount().scale() > 4) {
            v.add(field + ".amount", "has more than 4 decimals: " + m.amount().toPlainString());
            return false;
        }
        if (m.currency() == null || m.currency().isBlank()) {
            v.add(field + ".currency", "is required");
            return false;
        }
        // only unit prices may carry more decimals than the currency has
        if (field.endsWith("unitPrice") ? !InputRules.unitPrice(v, field + ".amount", m.amount())
                : !InputRules.minorUnits(v, field + ".amount", m.amount(), m.currency())) {
            return false;
        }
        if (hasCurrency && !m.currency().equals(currency)) {
            v.add(field + ".currency", "must be the document's currency " + currency + ", got " + m.currency());
            return false;
        }
        return true;
    }

    // ==== match ===========================================================================================

    /** Gathers the invoice's PO, receipts, earlier invoices, credits and duplicates, and runs the match. */
    MatchOutcome match(Sql tx, InvoiceRow inv) throws SQLException {
        PurchaseOrder po = inv.poReference() == null ? null : erp.purchaseOrder(tx, inv.poReference()).orElse(null);
        return match(tx, inv, po, erp.supplier(tx, inv.supplierId()).orElse(null));
    }

    /** The match with the invoice's PO ({@code null} if none or unknown) and supplier already read. */
    private MatchOutcome match(Sql tx, InvoiceRow inv, PurchaseOrder po, Supplier supplier) throws SQLException {
        Map<Integer, MatchInput.PoLine> poLines = new HashMap<>();
        if (po != null) {
            for (PurchaseOrderLine l : po.lines()) {
                poLines.put(l.lineNo(), new MatchInput.PoLine(l.quantity(), l.unitPrice().amount(), l.category(),
                        l.taxRate()));
            }
        }
        Map<Integer, BigDecimal> previous = new HashMap<>();
        Map<Integer, BigDecimal> creditedQty = new HashMap<>();
        Map<Integer, BigDecimal> creditedAmount = new HashMap<>();
        if (inv.poReference() != null) {
            record Row(String id, long seq, String kind, String status, String credited, Integer poLine,
                    BigDecimal qty, BigDecimal amount) {
            }
            List<Row> rows = tx.query("SELECT i.id, i.seq, i.kind, i.status, i.credited_invoice_id, l.po_line_no, "
                    + "l.quantity, l.net_amount FROM invoices i JOIN invoice_lines l ON l.invoice_id = i.id "
                    + "WHERE i.po_reference = ?", rs -> new Row(rs.getString(1), rs.getLong(2), rs.getString(3),
                    rs.getString(4), rs.getString(5), rs.getObject(6) == null ? null : rs.getInt(6),
                    new BigDecimal(rs.getString(7)), new BigDecimal(rs.getString(8))), inv.poReference());
            Map<String, Long> seqOf = new HashMap<>();
            Set<String> counted = new HashSet<>();
            for (Row r : rows) {
                seqOf.put(r.id(), r.seq());
                if (r.kind().equals("INVOICE") && !r.status().equals("REJECTED") && r.seq() < inv.seq()) {
                    counted.add(r.id());
                }
            }
            for (Row r : rows) {
                if (r.poLine() == null) {
                    continue;
                }
                if (r.kind().equals("INVOICE") && counted.contains(r.id())) {
                    previous.merge(r.poLine(), r.qty(), BigDecimal::add);
                } else if (r.kind().equals("CREDIT_NOTE") && r.status().equals("APPLIED")) {
                    if (inv.id().equals(r.credited())) {
                        creditedQty.merge(r.poLine(), r.qty(), BigDecimal::add);
                        creditedAmount.merge(r.poLine(), r.amount(), BigDecimal::add);
                    } else if (r.credited() == null || counted.contains(r.credited())) {
                        previous.merge(r.poLine(), r.qty().negate(), BigDecimal::add);
                    }
                }
            }
            // credits never make earlier invoicing negative (an oversized credit note is held, see CreditNoteRules)
            previous.replaceAll((line, qty) -> qty.max(BigDecimal.ZERO));
        }
        List<MatchInput.Line> lines = new ArrayList<>();
        for (InvoiceLine l : inv.lines()) {
            boolean firstForPoLine = l.poLineNo() != null && inv.lines().stream()
                    .filter(o -> Objects.equals(o.poLineNo(), l.poLineNo())).findFirst().orElseThrow() == l;
            BigDecimal cq = firstForPoLine ? creditedQty.getOrDefault(l.poLineNo(), BigDecimal.ZERO) : BigDecimal.ZERO;
            BigDecimal ca = firstForPoLine ? creditedAmount.getOrDefault(l.poLineNo(), BigDecimal.ZERO) : BigDecimal.ZERO;
            lines.add(new MatchInput.Line(l.lineNo(), l.poLineNo(), l.quantity(), l.unitPrice().amount(),
                    l.netAmount().amount(), l.taxRate(), cq, ca));
        }
        String norm = InvoiceNumbers.normalise(inv.invoiceNumber());
        String duplicate = tx.one("SELECT id FROM invoices WHERE supplier_id = ? AND number_norm = ? AND kind = ? "
                        + "AND status <> ? AND seq < ? ORDER BY seq LIMIT 1", rs -> rs.getString(1), inv.supplierId(),
                norm, InvoiceKind.INVOICE, InvoiceStatus.REJECTED, inv.seq()).orElse(null);
        String suspected = duplicate != null ? null : tx.one("SELECT id FROM invoices WHERE supplier_id = ? AND "
                        + "invoice_date = ? AND total_e4 = ? AND number_norm <> ? AND kind = ? AND status <> ? AND seq < ? "
                        + "ORDER BY seq LIMIT 1", rs -> rs.getString(1), inv.supplierId(), inv.invoiceDate(),
                InvoiceRepository.e4(inv.total()), norm, InvoiceKind.INVOICE, InvoiceStatus.REJECTED, inv.seq())
                .orElse(null);
        boolean blocked = supplier != null && supplier.blocked();
        BigDecimal charges = inv.charges().stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal planned = po == null || po.agreedFreight() == null ? BigDecimal.ZERO
                : AgreedFreight.remaining(tx, po.agreedFreight().amount(), inv.poReference(), inv.seq());
        MatchInput input = new MatchInput(inv.supplierId(), blocked, inv.currency(), lines, charges, planned,
                inv.taxAmount(),
                inv.total(), inv.poReference(), po == null ? null : new MatchInput.Po(po.id(), po.status(), poLines,
                        po.supplierId(), po.currency()),
                po == null ? Map.of() : erp.receivedByLine(tx, po.id()), previous, duplicate, suspected);
        return new MatchEngine(new ToleranceResolver(policies.current(tx))).match(input);
    }

    private static InvoiceRow withMatch(InvoiceRow row, MatchOutcome outcome) {
        List<InvoiceLine> lines = new ArrayList<>();
        for (int i = 0; i < row.lines().size(); i++) {
            InvoiceLine l = row.lines().get(i);
            LineMatch m = outcome.lines().get(i);
            lines.add(new InvoiceLine(l.lineNo(), l.poLineNo(), l.itemId(), l.description(), l.quantity(), l.unit(),
                    l.unitPrice(), l.taxRate(), l.netAmount(), m));
        }
        return row.withMatch(lines, outcome.computedTax());
    }

    private static InvoiceRow withStatus(InvoiceRow r, InvoiceStatus status, String assignee) {
        return new InvoiceRow(r.id(), r.seq(), r.kind(), r.invoiceNumber(), r.supplierId(), r.poReference(),
                r.storeId(), r.invoiceDate(), r.receivedOn(), r.dueDate(), r.discountDate(), r.currency(), status,
                r.subtotal(), r.taxAmount(), r.computedTax(), r.total(), assignee, r.creditedInvoiceId(), r.enteredBy(),
                r.editedBy(), r.hasDocument(), r.lines(), r.charges(), r.version(), r.createdAt(), r.updatedAt());
    }

    /** The ERP's copy of purchase order {@code poId} changed (a refresh found news): its held invoices are re-matched. */
    public void purchaseOrderRefreshed(Sql tx, String poId) throws SQLException {
        rematchPurchaseOrder(tx, poId, "the ERP's copy of purchase order " + poId + " changed");
    }

    /** Re-matches every held invoice quoting {@code poId}. */
    void rematchPurchaseOrder(Sql tx, String poId, String why) throws SQLException {
        rematchPurchaseOrder(tx, poId, why, AutoRelease.Trigger.SYSTEM);
    }

    /** As {@link #rematchPurchaseOrder(Sql, String, String)}, for a change {@code trigger} made. */
    void rematchPurchaseOrder(Sql tx, String poId, String why, AutoRelease.Trigger trigger) throws SQLException {
        List<String> held = tx.query("SELECT id FROM invoices WHERE po_reference = ? AND kind = ? AND status IN (?,?,?) "
                        + "ORDER BY seq", rs -> rs.getString(1), poId, InvoiceKind.INVOICE, InvoiceStatus.ON_HOLD,
                InvoiceStatus.ROUTED_TO_BUYER, InvoiceStatus.AWAITING_CREDIT);
        for (String id : held) {
            rematch(tx, id, why, true, trigger);
        }
    }

    /**
     * Re-matches a held invoice: match holds that no longer apply are resolved by the system, new ones raised; an
     * invoice left with no open hold is released automatically, recorded as a system decision.
     */
    void rematch(Sql tx, String invoiceId, String why) throws SQLException {
        rematch(tx, invoiceId, why, true);
    }

    /** As {@link #rematch(Sql, String, String)}; with {@code autoRelease} false an invoice left without holds stays held. */
    private void rematch(Sql tx, String invoiceId, String why, boolean autoRelease) throws SQLException {
        rematch(tx, invoiceId, why, autoRelease, AutoRelease.Trigger.SYSTEM);
    }

    /**
     * As {@link #rematch(Sql, String, String, boolean)}, for a change {@code trigger} made: an automatic release is
     * withheld when it would release what the trigger's author could not (see {@link AutoRelease}).
     */
    private void rematch(Sql tx, String invoiceId, String why, boolean autoRelease, AutoRelease.Trigger trigger)
            throws SQLException {
        InvoiceRow row = invoices.row(tx, invoiceId).orElseThrow();
        if (!HELD.contains(row.status()) || row.kind() != InvoiceKind.INVOICE) {
            return;
        }
        Instant now = clock.instant();
        MatchOutcome outcome = match(tx, row);
        List<Hold> open = invoices.holds(tx, invoiceId).stream().filter(h -> h.status() == HoldStatus.OPEN).toList();
        Set<String> wanted = new LinkedHashSet<>();
        for (MatchOutcome.HoldDraft h : outcome.holds()) {
            wanted.add(h.code() + "/" + h.lineNo());
        }
        Set<String> have = new HashSet<>();
        List<HoldCode> stillOpen = new ArrayList<>();
        List<String> resolved = new ArrayList<>();
        for (Hold h : open) {
            String key = h.code() + "/" + h.lineNo();
            if (h.code() == HoldCode.MANUAL || wanted.contains(key)) {
                have.add(key);
                stillOpen.add(h.code());
            } else {
                invoices.resolveHold(tx, h.id(), SYSTEM, now);
                resolved.add(h.code().name());
            }
        }
        List<String> raised = new ArrayList<>();
        for (MatchOutcome.HoldDraft h : outcome.holds()) {
            if (have.add(h.code() + "/" + h.lineNo())) {
                invoices.addHold(tx, invoiceId, h, now);
                stillOpen.add(h.code());
                raised.add(h.code().name());
            }
        }
        InvoiceRow matched = withMatch(row, outcome);
        invoices.history(tx, invoiceId, now, SYSTEM, "REMATCHED", "Re-matched because " + why + "."
                + (resolved.isEmpty() ? "" : " Cleared: " + String.join(", ", resolved) + ".")
                + (raised.isEmpty() ? "" : " Raised: " + String.join(", ", raised) + "."));
        String withheld = stillOpen.isEmpty() && autoRelease ? new AutoRelease(erp).withheld(tx, row, outcome, trigger)
                : null;
        if (stillOpen.isEmpty() && !autoRelease) {
            invoices.update(tx, withStatus(matched, row.status(), row.assigneeUserId()), List.of(), row.version(), now);
            invoices.history(tx, invoiceId, now, SYSTEM, "NO_HOLD_LEFT", "No hold is left after the correction; another "
                    + "person must release the invoice.");
        } else if (withheld != null) {
            invoices.update(tx, withStatus(matched, row.status(), row.assigneeUserId()), List.of(), row.version(), now);
            invoices.history(tx, invoiceId, now, SYSTEM, "NO_HOLD_LEFT", "No hold is left, but it is not released "
                    + "automatically: " + withheld + " A person must release it.");
        } else if (stillOpen.isEmpty()) {
            String posting = erp.post(tx, invoiceId, new Money(row.total(), row.currency()), SYSTEM, now);
            InvoiceRow released = withStatus(matched, InvoiceStatus.RELEASED, row.assigneeUserId());
            invoices.update(tx, released, List.of(), row.version(), now);
            recordDecision(tx, invoiceId, DecisionType.RELEASE, SYSTEM, true,
                    "Within tolerance after re-match: " + why + ".", null, null, row.status(), InvoiceStatus.RELEASED,
                    posting, now);
            invoices.history(tx, invoiceId, now, SYSTEM, "DECISION:RELEASE", "Released automatically; posted as "
                    + posting + ".");
        } else {
            InvoiceStatus status = row.status() == InvoiceStatus.AWAITING_CREDIT && why.startsWith("credit note")
                    ? InvoiceStatus.ON_HOLD : row.status();
            invoices.update(tx, withStatus(matched, status, row.assigneeUserId()), stillOpen, row.version(), now);
        }
        ChangeFeed.record(tx, "invoice.updated", "invoice", invoiceId, row.version() + 1, now);
    }

    private Decision recordDecision(Sql tx, String invoiceId, DecisionType type, String actor, boolean system,
            String reason, String note, String assignee, InvoiceStatus from, InvoiceStatus to, String postingId,
            Instant at) throws SQLException {
        String id = "DEC-" + UUID.randomUUID();
        tx.update("INSERT INTO decisions (id, invoice_id, type, actor, is_system, reason, note, assignee_user_id, "
                        + "from_status, to_status, posting_id, decided_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                id, invoiceId, type, actor, system, reason, note, assignee, from, to, postingId, at);
        return new Decision(id, invoiceId, type, actor, system, reason, note, assignee, from, to, postingId, at);
    }

    // ==== corrections =====================================================================================

    /**
     * Corrects a held invoice keyed wrongly: changes only the fields given, records who changed what and why, adds
     * the corrector to the invoice's editors (who may then not release it) and matches it again, never releasing it
     * automatically.
     */
    public Invoice correctInvoice(Sql tx, Principal by, String invoiceId, long ifMatch, InvoiceCorrection in)
            throws SQLException {
        Permission.DECIDE.require(by);
        Violations v = new Violations();
        v.required("reason", in.reason());
        v.maxLength("reason", in.reason(), 2000);
        v.maxLength("invoiceNumber", in.invoiceNumber(), 64);
        Ids.check(v, "poReference", in.poReference());
        if (in.invoiceNumber() != null && in.invoiceNumber().isBlank()) {
            v.add("invoiceNumber", "must not be blank");
        }
        v.throwIfAny();
        InvoiceRow row = invoices.row(tx, invoiceId).orElseThrow(() -> Problem.notFound("No invoice " + invoiceId));
        if (row.version() != ifMatch) {
            throw Problem.stale(row.version(), "Invoice " + invoiceId + " is at version " + row.version() + ", not " + ifMatch
                    + ": someone changed it since you loaded it. Reload it and correct it again.");
        }
        if (row.kind() != InvoiceKind.INVOICE || !HELD.contains(row.status())) {
            throw Problem.invalidTransition("Invoice " + invoiceId + " is " + row.status()
                    + "; only an invoice on hold, routed to a buyer or awaiting credit can be corrected.");
        }
        if (row.poReference() != null) {
            DutySeparation.requireMayInvoice(tx, by, erp.purchaseOrder(tx, row.poReference()).orElse(null));
        }
        List<String> changes = new ArrayList<>();
        String currency = row.currency();
        money(v, "taxAmount", in.taxAmount(), currency, true, false);
        money(v, "total", in.total(), currency, true, false);
        if (in.dueDate() != null && in.dueDate().isBefore(row.invoiceDate())) {
            v.add("dueDate", "must not be before invoiceDate " + row.invoiceDate());
        }
        java.util.Map<Integer, InvoiceLine> byNo = new java.util.LinkedHashMap<>();
        row.lines().forEach(l -> byNo.put(l.lineNo(), l));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < in.lines().size(); i++) {
            LineCorrection c = in.lines().get(i);
            String f = "lines[" + i + "]";
            if (c == null) {
                v.add(f, "must not be null");
                continue;
            }
            InvoiceLine old = byNo.get(c.lineNo());
            if (old == null) {
                v.add(f + ".lineNo", "invoice " + row.invoiceNumber() + " has no line " + c.lineNo());
                continue;
            }
            if (!seen.add(c.lineNo())) {
                v.add(f + ".lineNo", "line " + c.lineNo() + " is corrected twice");
                continue;
            }
            if (c.quantity() != null && c.quantity().signum() < 0) {
                v.add(f + ".quantity", "must not be negative");
            }
            boolean priceOk = money(v, f + ".unitPrice", c.unitPrice(), currency, true, false);
            boolean netOk = money(v, f + ".netAmount", c.netAmount(), currency, true, false);
            if (!priceOk || !netOk || c.quantity() != null && c.quantity().signum() < 0) {
                continue;
            }
            BigDecimal qty = c.quantity() != null ? c.quantity() : old.quantity();
            Money unit = c.unitPrice() != null ? c.unitPrice() : old.unitPrice();
            Money net = c.netAmount() != null ? c.netAmount()
                    : c.quantity() != null || c.unitPrice() != null
                    ? new Money(qty.multiply(unit.amount()).setScale(2, java.math.RoundingMode.HALF_UP), currency)
                    : old.netAmount();
            byNo.put(c.lineNo(), new InvoiceLine(old.lineNo(), old.poLineNo(), old.itemId(), old.description(), qty,
                    old.unit(), unit, old.taxRate(), net, null));
            changes.add("line " + c.lineNo() + ": " + describe(old, qty, unit, net));
        }
        v.throwIfAny();
        String number = in.invoiceNumber() == null ? row.invoiceNumber() : in.invoiceNumber().strip();
        if (!number.equals(row.invoiceNumber())) {
            changes.add("invoice number " + row.invoiceNumber() + " -> " + number);
        }
        String po = in.poReference() == null ? row.poReference() : in.poReference().strip();
        List<InvoiceLine> lines = new ArrayList<>(byNo.values());
        String storeId = row.storeId();
        if (!java.util.Objects.equals(po, row.poReference())) {
            changes.add("PO " + row.poReference() + " -> " + po);
            PurchaseOrder quoted = erp.purchaseOrder(tx, po).orElse(null);
            DutySeparation.requireMayInvoice(tx, by, quoted);
            lines = resolvePoLines(quoted, lines.stream().map(l -> new InvoiceLine(l.lineNo(), null, l.itemId(),
                    l.description(), l.quantity(), l.unit(), l.unitPrice(), l.taxRate(), l.netAmount(), null)).toList());
            if (quoted != null && storeId == null) {
                storeId = quoted.storeId();
            }
        }
        LocalDate due = in.dueDate() == null ? row.dueDate() : in.dueDate();
        if (!due.equals(row.dueDate())) {
            changes.add("due date " + row.dueDate() + " -> " + due);
        }
        BigDecimal tax = in.taxAmount() == null ? row.taxAmount() : in.taxAmount().amount();
        if (tax.compareTo(row.taxAmount()) != 0) {
            changes.add("tax " + plain(row.taxAmount()) + " -> " + plain(tax));
        }
        BigDecimal total = in.total() == null ? row.total() : in.total().amount();
        if (total.compareTo(row.total()) != 0) {
            changes.add("total " + plain(row.total()) + " -> " + plain(total));
        }
        if (changes.isEmpty()) {
            throw Problem.badRequest("The correction changes nothing: give at least one field with a new value.");
        }
        BigDecimal subtotal = lines.stream().map(l -> l.netAmount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add)
                .add(row.charges().stream().map(c -> c.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        List<String> editors = new ArrayList<>(row.editedBy());
        if (!editors.contains(by.id())) {
            editors.add(by.id());
        }
        Instant now = clock.instant();
        InvoiceRow corrected = new InvoiceRow(row.id(), row.seq(), row.kind(), number, row.supplierId(), po, storeId,
                row.invoiceDate(), row.receivedOn(), due, row.discountDate(), currency, row.status(), subtotal, tax,
                row.computedTax(), total, row.assigneeUserId(), row.creditedInvoiceId(), row.enteredBy(),
                List.copyOf(editors), row.hasDocument(), lines, row.charges(), row.version(), row.createdAt(), now);
        if (!invoices.correct(tx, corrected, row.version(), now)) {
            throw Problem.stale(row.version() + 1, "Invoice " + invoiceId + " changed while it was being corrected.");
        }
        invoices.history(tx, invoiceId, now, by.id(), "CORRECTED", "Corrected by " + by.user().username() + ": "
                + String.join("; ", changes) + ". Reason: " + in.reason().strip());
        ChangeFeed.record(tx, "invoice.updated", "invoice", invoiceId, row.version() + 1, now);
        rematch(tx, invoiceId, "it was corrected by " + by.user().username(), false);
        return invoice(tx, invoiceId).orElseThrow();
    }

    private static String describe(InvoiceLine old, BigDecimal qty, Money unit, Money net) {
        List<String> parts = new ArrayList<>();
        if (old.quantity() == null || qty.compareTo(old.quantity()) != 0) {
            parts.add("quantity " + plain(old.quantity()) + " -> " + plain(qty));
        }
        if (old.unitPrice() == null || unit.amount().compareTo(old.unitPrice().amount()) != 0) {
            parts.add("unit price " + (old.unitPrice() == null ? "none" : plain(old.unitPrice().amount())) + " -> "
                    + plain(unit.amount()));
        }
        if (net.amount().compareTo(old.netAmount().amount()) != 0) {
            parts.add("net " + plain(old.netAmount().amount()) + " -> " + plain(net.amount()));
        }
        return parts.isEmpty() ? "unchanged" : String.join(", ", parts);
    }

    private static String plain(BigDecimal b) {
        return b == null ? "none" : b.stripTrailingZeros().toPlainString();
    }

    // ==== decisions =======================================================================================

    public DecisionResult decide(Sql tx, Principal by, String invoiceId, long ifMatch, DecisionRequest req)
            throws SQLException {
        Permission.DECIDE.require(by);
        Violations v = new Violations();
        if (v.required("type", req.type())) {
            switch (req.type()) {
                case REJECT -> v.required("reason", req.reason());
                case HOLD -> v.required("note", req.note());
                case ROUTE_TO_BUYER -> {
                    if (v.required("assigneeUserId", req.assigneeUserId())
                            && Ids.check(v, "assigneeUserId", req.assigneeUserId())
                            && erp.user(tx, req.assigneeUserId()).isEmpty()) {
                        v.add("assigneeUserId", "no user '" + req.assigneeUserId() + "'");
                    }
                }
                default -> { }
            }
        }
        v.maxLength("reason", req.reason(), 2000);
        v.maxLength("note", req.note(), 2000);
        v.throwIfAny();
        InvoiceRow row = invoices.row(tx, invoiceId).orElseThrow(() -> Problem.notFound("No invoice " + invoiceId));
        if (row.version() != ifMatch) {
            throw Problem.stale(row.version(), "Invoice " + invoiceId + " is at version " + row.version() + ", not " + ifMatch
                    + ": someone changed it since you loaded it. Reload it and decide again.");
        }
        if (row.kind() != InvoiceKind.INVOICE || !HELD.contains(row.status())) {
            throw Problem.invalidTransition("Invoice " + invoiceId + " is " + row.status()
                    + "; decisions are taken on held invoices only.");
        }
        if (req.type() == DecisionType.RELEASE) {
            checkReleaseAuthority(by, row);
            DutySeparation.requireMayRelease(tx, by, row.poReference() == null ? null
                    : erp.purchaseOrder(tx, row.poReference()).orElse(null));
        }
        Instant now = clock.instant();
        String posting = null;
        InvoiceStatus to;
        String assignee = row.assigneeUserId();
        List<Hold> open = invoices.holds(tx, invoiceId).stream().filter(h -> h.status() == HoldStatus.OPEN).toList();
        List<HoldCode> openCodes = new ArrayList<>(open.stream().map(Hold::code).toList());
        switch (req.type()) {
            case RELEASE, REJECT -> {
                for (Hold h : open) {
                    invoices.resolveHold(tx, h.id(), by.id(), now);
                }
                openCodes.clear();
                to = req.type() == DecisionType.RELEASE ? InvoiceStatus.RELEASED : InvoiceStatus.REJECTED;
                if (to == InvoiceStatus.RELEASED) {
                    posting = erp.post(tx, invoiceId, new Money(row.total(), row.currency()), by.id(), now);
                }
            }
            case REQUEST_CREDIT -> to = InvoiceStatus.AWAITING_CREDIT;
            case ROUTE_TO_BUYER -> {
                to = InvoiceStatus.ROUTED_TO_BUYER;
                assignee = req.assigneeUserId();
            }
            case HOLD -> {
                to = InvoiceStatus.ON_HOLD;
                invoices.addHold(tx, invoiceId, new MatchOutcome.HoldDraft(HoldCode.MANUAL, null, req.note()), now);
                openCodes.add(HoldCode.MANUAL);
            }
            default -> throw new IllegalStateException(req.type().name());
        }
        if (!invoices.update(tx, withStatus(row, to, assignee), openCodes, ifMatch, now)) {
            long current = invoices.row(tx, invoiceId).map(InvoiceRow::version).orElse(row.version());
            throw Problem.stale(current, "Invoice " + invoiceId + " changed while you decided. Reload it and decide again.");
        }
        Decision decision = recordDecision(tx, invoiceId, req.type(), by.id(), false, req.reason(), req.note(),
                req.type() == DecisionType.ROUTE_TO_BUYER ? assignee : null, row.status(), to, posting, now);
        invoices.history(tx, invoiceId, now, by.id(), "DECISION:" + req.type(), describe(req, posting));
        ChangeFeed.record(tx, "invoice.updated", "invoice", invoiceId, ifMatch + 1, now);
        if (to == InvoiceStatus.REJECTED && row.poReference() != null) {
            rematchPurchaseOrder(tx, row.poReference(), "invoice " + invoiceId + " was rejected",
                    new AutoRelease.Trigger(AutoRelease.Kind.REJECTION, by));
        }
        return new DecisionResult(decision, invoices.load(tx, invoiceId).orElseThrow());
    }

    private static String describe(DecisionRequest req, String posting) {
        StringBuilder s = new StringBuilder();
        if (req.reason() != null) {
            s.append("Reason: ").append(req.reason()).append(". ");
        }
        if (req.note() != null) {
            s.append("Note: ").append(req.note()).append(". ");
        }
        if (req.assigneeUserId() != null && req.type() == DecisionType.ROUTE_TO_BUYER) {
            s.append("Routed to ").append(req.assigneeUserId()).append(". ");
        }
        if (posting != null) {
            s.append("Posted as ").append(posting).append('.');
        }
        return s.toString().strip();
    }

    /** Release limit and separation of duties; each refusal says why in words. */
    private void checkReleaseAuthority(Principal by, InvoiceRow row) {
        Permission.RELEASE.require(by);
        User u = by.user();
        if (u.id().equals(row.enteredBy())) {
            throw Problem.forbidden("You entered invoice " + row.invoiceNumber() + " yourself, so another person must "
                    + "release it (separation of duties).");
        }
        if (row.editedBy().contains(u.id())) {
            throw Problem.forbidden("You edited invoice " + row.invoiceNumber() + ", so another person must release it "
                    + "(separation of duties).");
        }
        Money limit = u.releaseLimit();
        if (limit == null) {
            return;
        }
        BigDecimal total = FxRates.convert(row.total(), row.currency(), limit.currency());
        if (total == null) {
            throw Problem.forbidden("Invoice " + row.invoiceNumber() + " is in " + row.currency() + " and your release "
                    + "limit is in " + limit.currency() + "; an AP supervisor must release it.");
        }
        if (total.compareTo(limit.amount()) > 0) {
            throw Problem.forbidden("Invoice " + row.invoiceNumber() + " totals " + row.total().toPlainString() + " "
                    + row.currency() + ", above your release limit of " + limit.amount().toPlainString() + " "
                    + limit.currency() + "; an AP supervisor must release it.");
        }
    }

    /** The full invoice, or empty. */
    public java.util.Optional<Invoice> invoice(Sql tx, String id) throws SQLException {
        return invoices.load(tx, id);
    }

    InvoiceRepository repository() {
        return invoices;
    }
}
