package io.backroom.ml.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.ml.data.DatasetDir;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The procurement side of a data set, indexed for the three-way-match features: purchase orders by
 * number, receipts by PO line, suppliers by id, and every invoice (for supplier history and
 * duplicate detection).
 */
final class ProcurementData {
    final Map<String, JsonNode> purchaseOrders = new HashMap<>();
    final Map<String, List<JsonNode>> receiptsByPoLine = new HashMap<>();
    final Map<String, JsonNode> suppliers = new HashMap<>();
    final Map<String, JsonNode> invoices = new LinkedHashMap<>();
    final Map<String, List<JsonNode>> invoicesBySupplier = new HashMap<>();
    final Map<String, List<JsonNode>> invoicesByPo = new HashMap<>();
    final Map<String, List<String>> openPosBySupplier = new HashMap<>();
    LocalDate asOf;

    static ProcurementData read(DatasetDir data) {
        List<JsonNode> suppliers = new ArrayList<>();
        List<JsonNode> purchaseOrders = new ArrayList<>();
        List<JsonNode> receipts = new ArrayList<>();
        List<JsonNode> invoices = new ArrayList<>();
        data.forEach("suppliers", suppliers::add);
        data.forEach("purchase-orders", purchaseOrders::add);
        data.forEach("goods-receipts", receipts::add);
        data.forEach("invoices", invoices::add);
        return of(data.asOf(), suppliers, purchaseOrders, receipts, invoices);
    }

    /** A context from records already in the data-set shape (e.g. mapped from the Ops API by {@code ap.ApContext}). */
    static ProcurementData of(LocalDate asOf, Iterable<JsonNode> suppliers, Iterable<JsonNode> purchaseOrders,
                              Iterable<JsonNode> receiptLines, Iterable<JsonNode> invoices) {
        ProcurementData d = new ProcurementData();
        d.asOf = asOf;
        suppliers.forEach(s -> d.suppliers.put(s.path("id").asText(), s));
        purchaseOrders.forEach(po -> {
            d.purchaseOrders.put(po.path("id").asText(), po);
            if ("OPEN".equals(po.path("status").asText())) {
                d.openPosBySupplier.computeIfAbsent(po.path("supplierId").asText(), k -> new ArrayList<>()).add(po.path("id").asText());
            }
        });
        receiptLines.forEach(r -> d.receiptsByPoLine.computeIfAbsent(key(r.path("poId").asText(), r.path("poLineNo").asInt()),
                k -> new ArrayList<>()).add(r));
        invoices.forEach(d::add);
        return d;
    }

    void add(JsonNode inv) {
        invoices.put(inv.path("id").asText(), inv);
        invoicesBySupplier.computeIfAbsent(inv.path("supplierId").asText(), k -> new ArrayList<>()).add(inv);
        invoicesByPo.computeIfAbsent(inv.path("poReference").asText(""), k -> new ArrayList<>()).add(inv);
    }

    static String key(String po, int line) {
        return po + "#" + line;
    }
}
