package io.backroom.ml.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.ml.data.DatasetDir;
import java.util.List;

/**
 * Public access to the three-way-match facts for the other models of this module (the
 * prioritiser): the procurement context of a data set and the fact vector of an invoice.
 */
public final class MatchFacts {
    private final ProcurementData data;

    private MatchFacts(ProcurementData data) {
        this.data = data;
    }

    /** Indexes a data set's procurement documents. */
    public static MatchFacts of(DatasetDir dataset) {
        return new MatchFacts(ProcurementData.read(dataset));
    }

    /**
     * A context built from records in the data-set shape rather than read from a data set folder: the suppliers,
     * purchase orders (with lines), goods-receipt lines ({@code poId, poLineNo, receivedOn, quantity}) and invoices
     * (with lines) the features look at, as of {@code asOf}.
     */
    public static MatchFacts of(java.time.LocalDate asOf, Iterable<JsonNode> suppliers, Iterable<JsonNode> purchaseOrders,
                                Iterable<JsonNode> receiptLines, Iterable<JsonNode> invoices) {
        return new MatchFacts(ProcurementData.of(asOf, suppliers, purchaseOrders, receiptLines, invoices));
    }

    ProcurementData data() {
        return data;
    }

    /** The fact names, in vector order. */
    public static List<String> names() {
        return InvoiceFeatures.NAMES;
    }

    /** The invoice with this id, or null. */
    public JsonNode invoice(String id) {
        return data.invoices.get(id);
    }

    /** The supplier with this id, or null. */
    public JsonNode supplier(String id) {
        return data.suppliers.get(id);
    }

    /** Adds an invoice that is not in the data set (e.g. read from an input file). */
    public synchronized void add(JsonNode invoice) {
        spend = null;
        data.add(invoice);
    }

    /** The supplier's share of all invoiced value in the data set, in [0, 1]. */
    public synchronized double spendShare(String supplierId) {
        if (spend == null) {
            spend = new java.util.HashMap<>();
            double all = 0;
            for (var e : data.invoicesBySupplier.entrySet()) {
                double mine = 0;
                for (JsonNode inv : e.getValue()) {
                    mine += Math.abs(inv.path("total").asDouble());
                }
                spend.put(e.getKey(), mine);
                all += mine;
            }
            double total = all;
            spend.replaceAll((k, v) -> total == 0 ? 0 : v / total);
        }
        return spend.getOrDefault(supplierId, 0.0);
    }

    private java.util.Map<String, Double> spend;

    /** The fact vector of an invoice. */
    public double[] facts(JsonNode invoice) {
        return InvoiceFeatures.compute(invoice, data).values();
    }

    /** The as-of date of the data set. */
    public java.time.LocalDate asOf() {
        return data.asOf;
    }
}
