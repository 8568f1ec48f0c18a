package io.backroom.ml.ap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.backroom.api.model.Charge;
import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.Money;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.Supplier;
import io.backroom.ml.exceptions.MatchFacts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The procurement context the invoice models look at, built from Ops API records (what a console reads from the
 * gateway): suppliers, purchase orders with their lines, goods receipts, and invoices — full ones (with lines) for
 * the invoices to assess and as much supplier history as the caller has, summaries (header only) for the rest of
 * the history, which is enough for duplicate checks. The records are mapped onto the data-set shape the models were
 * trained on, so one feature code path serves training and the console.
 *
 * <p>What the Ops API does not carry is filled with neutral values and said here: supplier reliability (1.0), a
 * purchase order's freight terms (free delivery when it agrees no freight), and per-supplier price tolerances (from
 * {@link Builder#supplierPriceTolerance}, else the 2 % default).
 */
public final class ApContext {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final MatchFacts facts;
    private final LocalDate asOf;

    private ApContext(MatchFacts facts, LocalDate asOf) {
        this.facts = facts;
        this.asOf = asOf;
    }

    /** A builder for a context as of {@code asOf} (receipts after that day are not counted). */
    public static Builder builder(LocalDate asOf) {
        return new Builder(Objects.requireNonNull(asOf, "asOf"));
    }

    MatchFacts facts() {
        return facts;
    }

    /** The day the context describes. */
    public LocalDate asOf() {
        return asOf;
    }

    /** Whether the context holds the invoice with this id (full or summary). */
    public boolean knows(String invoiceId) {
        return facts.invoice(invoiceId) != null;
    }

    /** Collects the records; later records with the same id replace earlier ones (a full invoice beats its summary). */
    public static final class Builder {
        private final LocalDate asOf;
        private final Map<String, Supplier> suppliers = new LinkedHashMap<>();
        private final Map<String, BigDecimal> priceTolerance = new LinkedHashMap<>();
        private final Map<String, JsonNode> purchaseOrders = new LinkedHashMap<>();
        private final Map<String, List<JsonNode>> receipts = new LinkedHashMap<>();
        private final Map<String, JsonNode> invoices = new LinkedHashMap<>();
        private final Map<String, Boolean> fullInvoice = new LinkedHashMap<>();

        private Builder(LocalDate asOf) {
            this.asOf = asOf;
        }

        public Builder supplier(Supplier s) {
            suppliers.put(s.id(), s);
            return this;
        }

        /** The supplier's own upper price tolerance in percent (a per-supplier override of the tolerance policy). */
        public Builder supplierPriceTolerance(String supplierId, BigDecimal percent) {
            if (percent != null) {
                priceTolerance.put(supplierId, percent);
            }
            return this;
        }

        public Builder purchaseOrder(PurchaseOrder po) {
            ObjectNode n = JSON.objectNode();
            n.put("id", po.id());
            n.put("supplierId", po.supplierId());
            n.put("status", po.status() == null ? "OPEN" : po.status().name());
            if (po.expectedDate() != null) {
                n.put("expectedDate", po.expectedDate().toString());
            }
            boolean freight = po.agreedFreight() != null && po.agreedFreight().amount().signum() > 0;
            n.put("freightTerms", freight ? "FREIGHT_ADDED" : "FREE_DELIVERY");
            if (freight) {
                n.put("agreedFreight", po.agreedFreight().amount());
            }
            var lines = n.putArray("lines");
            for (PurchaseOrderLine l : po.lines() == null ? List.<PurchaseOrderLine>of() : po.lines()) {
                ObjectNode line = lines.addObject();
                line.put("lineNo", l.lineNo());
                line.put("itemId", l.itemId());
                line.put("orderedQuantity", l.quantity());
                line.put("unitPrice", amount(l.unitPrice()));
            }
            purchaseOrders.put(po.id(), n);
            return this;
        }

        public Builder goodsReceipt(GoodsReceipt r) {
            List<JsonNode> rows = new ArrayList<>();
            for (GoodsReceiptLine l : r.lines() == null ? List.<GoodsReceiptLine>of() : r.lines()) {
                ObjectNode n = JSON.objectNode();
                n.put("poId", r.purchaseOrderId());
                n.put("poLineNo", l.poLineNo());
                n.put("receivedOn", r.receivedOn().toString());
                n.put("quantity", l.quantity());
                rows.add(n);
            }
            receipts.put(r.id(), rows);
            return this;
        }

        /** A full invoice: it can be assessed, and its lines count in the supplier's history. */
        public Builder invoice(Invoice i) {
            ObjectNode n = header(i.id(), i.invoiceNumber(), i.supplierId(), i.poReference(), i.invoiceDate(), i.dueDate(),
                    i.discountDate(), i.total());
            if (i.receivedOn() != null) {
                n.put("receivedOn", i.receivedOn().toString());
            }
            n.put("subtotal", amount(i.subtotal()));
            n.put("taxAmount", amount(i.taxAmount()));
            var lines = n.putArray("lines");
            for (InvoiceLine l : i.lines() == null ? List.<InvoiceLine>of() : i.lines()) {
                ObjectNode line = lines.addObject();
                line.put("lineNo", l.lineNo());
                if (l.poLineNo() == null) {
                    line.putNull("poLineNo");
                } else {
                    line.put("poLineNo", l.poLineNo());
                }
                line.put("itemId", l.itemId());
                line.put("quantity", l.quantity());
                line.put("unitPrice", amount(l.unitPrice()));
                line.put("taxRate", l.taxRate());
                line.put("netAmount", amount(l.netAmount()));
            }
            var charges = n.putArray("charges");
            for (Charge c : i.charges() == null ? List.<Charge>of() : i.charges()) {
                ObjectNode charge = charges.addObject();
                charge.put("type", c.type());
                charge.put("amount", amount(c.amount()));
            }
            invoices.put(i.id(), n);
            fullInvoice.put(i.id(), true);
            return this;
        }

        /** An invoice known by its header only (history for duplicate checks); never replaces a full invoice. */
        public Builder invoice(InvoiceSummary i) {
            if (Boolean.TRUE.equals(fullInvoice.get(i.id()))) {
                return this;
            }
            ObjectNode n = header(i.id(), i.invoiceNumber(), i.supplierId(), i.poReference(), i.invoiceDate(), i.dueDate(),
                    i.discountDate(), i.total());
            n.putArray("lines");
            n.putArray("charges");
            invoices.put(i.id(), n);
            fullInvoice.put(i.id(), false);
            return this;
        }

        private ObjectNode header(String id, String number, String supplierId, String po, LocalDate date, LocalDate due,
                                  LocalDate discountDate, Money total) {
            ObjectNode n = JSON.objectNode();
            n.put("id", id);
            n.put("invoiceNumber", number);
            n.put("supplierId", supplierId);
            n.put("poReference", po);
            LocalDate invoiceDate = date == null ? asOf : date;
            n.put("invoiceDate", invoiceDate.toString());
            if (due != null) {
                n.put("dueDate", due.toString());
            }
            n.put("total", amount(total));
            if (discountDate != null) {
                n.put("discountDate", discountDate.toString());
            }
            return n;
        }

        public ApContext build() {
            List<JsonNode> supplierNodes = new ArrayList<>();
            for (Supplier s : suppliers.values()) {
                ObjectNode n = JSON.objectNode();
                n.put("id", s.id());
                n.put("taxRate", s.taxRate());
                n.put("risk", s.risk() == null ? "LOW" : s.risk());
                n.put("blocked", s.blocked());
                n.put("reliability", 1.0);
                BigDecimal tol = priceTolerance.get(s.id());
                if (tol == null) {
                    n.putNull("toleranceOverride");
                } else {
                    n.putObject("toleranceOverride").put("priceVariancePercent", tol);
                }
                supplierNodes.add(n);
            }
            for (JsonNode inv : invoices.values()) {
                // The early-payment discount: the supplier's rate, until the discount date the gateway computed.
                ObjectNode n = (ObjectNode) inv;
                Supplier s = suppliers.get(n.path("supplierId").asText());
                BigDecimal pct = s == null || s.paymentTerms() == null || s.paymentTerms().discountPercent() == null
                        ? BigDecimal.ZERO : s.paymentTerms().discountPercent();
                ObjectNode terms = n.putObject("paymentTerms");
                if (n.hasNonNull("discountDate")) {
                    terms.put("discountPercent", pct);
                    terms.put("discountDays", Math.max(0, ChronoUnit.DAYS.between(LocalDate.parse(n.path("invoiceDate").asText()),
                            LocalDate.parse(n.path("discountDate").asText()))));
                } else {
                    terms.put("discountPercent", BigDecimal.ZERO);
                    terms.put("discountDays", 0);
                }
            }
            List<JsonNode> receiptLines = receipts.values().stream().flatMap(List::stream).toList();
            return new ApContext(MatchFacts.of(asOf, supplierNodes, purchaseOrders.values(), receiptLines, invoices.values()),
                    asOf);
        }

        private static BigDecimal amount(Money m) {
            return m == null ? BigDecimal.ZERO : m.amount();
        }
    }
}
