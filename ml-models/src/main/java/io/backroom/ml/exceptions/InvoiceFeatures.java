package io.backroom.ml.exceptions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The three-way-match facts of one invoice, computed from the documents only (invoice, its PO,
 * goods receipts, the supplier and the supplier's other invoices): never from labels. These are
 * the exception classifier's and the prioritiser's inputs.
 */
final class InvoiceFeatures {
    /** The price tolerance of a supplier without an override, in percent (the API's default). */
    static final double DEFAULT_PRICE_PERCENT = io.backroom.api.model.Tolerances.DEFAULT_PRICE_UPPER_PERCENT.doubleValue();
    /** The same as a fraction (0.02). */
    static final double DEFAULT_PRICE_TOLERANCE = DEFAULT_PRICE_PERCENT / 100.0;
    static final List<String> NAMES = List.of(
            "po_missing", "po_closed", "po_typo_distance", "po_other_supplier", "po_fully_invoiced",
            "max_price_var", "price_lines_over_tol", "price_var_amount", "same_new_price_elsewhere", "supplier_price_rise_share",
            "qty_over_received", "qty_over_ordered", "lines_without_receipt_share", "receipt_lag_days", "days_since_expected",
            "duplicate_same_total", "duplicate_same_number", "freight_share", "freight_on_free_delivery", "freight_over_agreed",
            "tax_diff", "tax_rate_mismatch", "supplier_blocked", "supplier_risk", "supplier_reliability",
            "log_total", "lines", "line_amount_error", "has_freight",
            "price_var_line_share", "price_var_spread", "price_var_roundness", "price_var_over_tolerance",
            "price_var_common_pct", "price_var_round_gap", "price_var_whole_gap", "price_var_pct_width",
            "qty_this_over_ordered", "po_billed_by_others", "duplicate_same_date", "duplicate_number_extends");

    private InvoiceFeatures() {
    }

    /** The facts of one invoice, plus the evidence the reasons quote. */
    record Facts(double[] values, String worstLine, int sameNewPrice, String closestPo) {
        double get(String name) {
            return values[NAMES.indexOf(name)];
        }
    }

    static Facts compute(JsonNode inv, ProcurementData data) {
        double[] v = new double[NAMES.size()];
        String supplierId = inv.path("supplierId").asText();
        JsonNode supplier = data.suppliers.get(supplierId);
        String poRef = inv.path("poReference").asText("");
        JsonNode po = data.purchaseOrders.get(poRef);
        LocalDate invoiceDate = date(inv.path("invoiceDate"));
        LocalDate received = inv.hasNonNull("receivedOn") ? date(inv.path("receivedOn")) : invoiceDate;
        double priceTolerance = tolerance(supplier, "priceVariancePercent", DEFAULT_PRICE_PERCENT) / 100.0;
        String closest = null;
        v[idx("po_missing")] = po == null ? 1 : 0;
        if (po == null) {
            int best = 10;
            for (String open : data.openPosBySupplier.getOrDefault(supplierId, List.of())) {
                int d = levenshtein(poRef, open);
                if (d < best) {
                    best = d;
                    closest = open;
                }
            }
            v[idx("po_typo_distance")] = best;
        } else {
            String status = po.path("status").asText();
            v[idx("po_closed")] = "CLOSED".equals(status) || "CANCELLED".equals(status) ? 1 : 0;
            v[idx("po_other_supplier")] = supplierId.equals(po.path("supplierId").asText()) ? 0 : 1;
            v[idx("days_since_expected")] = po.hasNonNull("expectedDate")
                    ? ChronoUnit.DAYS.between(date(po.path("expectedDate")), invoiceDate) : 0;
        }
        double subtotal = Math.max(1, inv.path("subtotal").asDouble());
        v[idx("log_total")] = Math.log1p(Math.abs(inv.path("total").asDouble()));
        v[idx("lines")] = inv.path("lines").size();
        double maxVar = 0;
        int overTol = 0;
        double varAmount = 0;
        double worstQtyOverReceived = Double.NEGATIVE_INFINITY;
        double worstQtyOverOrdered = Double.NEGATIVE_INFINITY;
        int withoutReceipt = 0;
        double receiptLag = -999;
        double lineError = 0;
        boolean rateMismatch = false;
        double expectedTax = 0;
        String worstLine = null;
        JsonNode worstInvLine = null;
        int billedLines = 0;
        int coveredBefore = 0;
        double minVarPct = Double.POSITIVE_INFINITY;
        double maxVarPct = Double.NEGATIVE_INFINITY;
        double bestPoUnit = 0;
        double bestPct = 0;
        // the percentage every over-tolerance line is consistent with, given that unit prices are rounded to the cent
        double commonLo = Double.NEGATIVE_INFINITY;
        double commonHi = Double.POSITIVE_INFINITY;
        double thisOverOrdered = Double.NEGATIVE_INFINITY;
        double billedByOthers = Double.POSITIVE_INFINITY;
        double supplierRate = supplier == null ? Double.NaN : supplier.path("taxRate").asDouble(Double.NaN);
        for (JsonNode line : inv.path("lines")) {
            double qty = line.path("quantity").asDouble();
            double unit = line.path("unitPrice").asDouble();
            double net = line.path("netAmount").asDouble();
            double rate = line.path("taxRate").asDouble();
            expectedTax += Math.round(rate * net) / 100.0;
            lineError = Math.max(lineError, Math.abs(qty * unit - net));
            if (!Double.isNaN(supplierRate) && Math.abs(rate - supplierRate) > 0.001) {
                rateMismatch = true;
            }
            if (po == null) {
                continue;
            }
            JsonNode poLine = line.path("poLineNo").isNull() || line.path("poLineNo").isMissingNode()
                    ? poLineByItem(po, line.path("itemId").asText("")) : poLine(po, line.path("poLineNo").asInt());
            if (poLine == null) {
                continue;
            }
            int poLineNo = poLine.path("lineNo").asInt();
            double poUnit = poLine.path("unitPrice").asDouble();
            double var = poUnit == 0 ? 0 : (unit - poUnit) / poUnit;
            if (Math.abs(var) > Math.abs(maxVar)) {
                maxVar = var;
                worstLine = "line " + line.path("lineNo").asInt();
                worstInvLine = line;
            }
            if (Math.abs(var) > priceTolerance + 1e-9) {
                overTol++;
                varAmount += (unit - poUnit) * qty;
                minVarPct = Math.min(minVarPct, var * 100);
                maxVarPct = Math.max(maxVarPct, var * 100);
                if (poUnit > bestPoUnit) {
                    bestPoUnit = poUnit;
                    bestPct = (unit - poUnit) / poUnit * 100;
                }
                commonLo = Math.max(commonLo, (unit - 0.005 - poUnit) / poUnit * 100);
                commonHi = Math.min(commonHi, (unit + 0.005 - poUnit) / poUnit * 100);
            }
            double ordered = Math.max(1e-9, poLine.path("orderedQuantity").asDouble());
            double receivedQty = 0;
            LocalDate firstReceipt = null;
            for (JsonNode r : data.receiptsByPoLine.getOrDefault(ProcurementData.key(poRef, poLineNo), List.of())) {
                LocalDate on = date(r.path("receivedOn"));
                if (!on.isAfter(data.asOf)) {
                    receivedQty += r.path("quantity").asDouble();
                    firstReceipt = firstReceipt == null || on.isBefore(firstReceipt) ? on : firstReceipt;
                }
            }
            double invoiced = cumulativeInvoiced(inv, poRef, poLineNo, received, data);
            thisOverOrdered = Math.max(thisOverOrdered, (qty - ordered) / ordered);
            billedByOthers = Math.min(billedByOthers, billedByOtherInvoices(inv, poRef, poLineNo, data) / ordered);
            billedLines++;
            if (invoiced - qty >= ordered - 1e-9) {
                coveredBefore++;
            }
            worstQtyOverReceived = Math.max(worstQtyOverReceived, (invoiced - receivedQty) / ordered);
            worstQtyOverOrdered = Math.max(worstQtyOverOrdered, (invoiced - ordered) / ordered);
            if (firstReceipt == null) {
                withoutReceipt++;
            } else {
                receiptLag = Math.max(receiptLag, ChronoUnit.DAYS.between(invoiceDate, firstReceipt));
            }
        }
        int lines = Math.max(1, inv.path("lines").size());
        v[idx("po_fully_invoiced")] = billedLines > 0 && coveredBefore == billedLines ? 1 : 0;
        if (overTol > 0) {
            v[idx("price_var_line_share")] = overTol / (double) Math.max(1, billedLines);
            v[idx("price_var_spread")] = maxVarPct - minVarPct;
            double halves = bestPct * 2;
            v[idx("price_var_roundness")] = Math.abs(halves - Math.rint(halves)) / 2;
            v[idx("price_var_over_tolerance")] = Math.abs(bestPct) - priceTolerance * 100;
            boolean common = commonLo <= commonHi;
            v[idx("price_var_common_pct")] = common ? 1 : 0;
            if (common) {
                v[idx("price_var_round_gap")] = roundGap(commonLo, commonHi, 0.5);
                v[idx("price_var_whole_gap")] = roundGap(commonLo, commonHi, 1.0);
                v[idx("price_var_pct_width")] = commonHi - commonLo;
            } else {
                v[idx("price_var_round_gap")] = 0.25;
                v[idx("price_var_whole_gap")] = 0.5;
                v[idx("price_var_pct_width")] = 0;
            }
        }
        v[idx("qty_this_over_ordered")] = thisOverOrdered == Double.NEGATIVE_INFINITY ? 0 : thisOverOrdered;
        v[idx("po_billed_by_others")] = billedByOthers == Double.POSITIVE_INFINITY ? 0 : billedByOthers;
        v[idx("max_price_var")] = maxVar;
        v[idx("price_lines_over_tol")] = overTol;
        v[idx("price_var_amount")] = varAmount;
        v[idx("qty_over_received")] = worstQtyOverReceived == Double.NEGATIVE_INFINITY ? 0 : worstQtyOverReceived;
        v[idx("qty_over_ordered")] = worstQtyOverOrdered == Double.NEGATIVE_INFINITY ? 0 : worstQtyOverOrdered;
        v[idx("lines_without_receipt_share")] = po == null ? 0 : withoutReceipt / (double) lines;
        v[idx("receipt_lag_days")] = receiptLag == -999 ? 0 : receiptLag;
        v[idx("line_amount_error")] = lineError;
        int sameNewPrice = 0;
        if (worstInvLine != null && Math.abs(maxVar) > priceTolerance) {
            sameNewPrice = sameNewPriceElsewhere(inv, worstInvLine, data);
        }
        v[idx("same_new_price_elsewhere")] = sameNewPrice;
        v[idx("supplier_price_rise_share")] = supplierPriceRiseShare(inv, data, priceTolerance);
        double[] dup = duplicate(inv, data);
        v[idx("duplicate_same_total")] = dup[0];
        v[idx("duplicate_same_number")] = dup[1];
        v[idx("duplicate_same_date")] = dup[2];
        v[idx("duplicate_number_extends")] = dup[3];
        double freight = 0;
        for (JsonNode c : inv.path("charges")) {
            expectedTax += Math.round((lineRate(inv)) * c.path("amount").asDouble()) / 100.0;
            if ("FREIGHT".equals(c.path("type").asText())) {
                freight += c.path("amount").asDouble();
            }
        }
        v[idx("has_freight")] = freight > 0 ? 1 : 0;
        v[idx("freight_share")] = freight / subtotal;
        if (po != null && freight > 0) {
            boolean free = "FREE_DELIVERY".equals(po.path("freightTerms").asText());
            v[idx("freight_on_free_delivery")] = free ? 1 : 0;
            double agreed = po.path("agreedFreight").asDouble(0);
            v[idx("freight_over_agreed")] = free ? 0 : (freight - agreed) / Math.max(agreed, 1);
        }
        v[idx("tax_diff")] = Math.abs(inv.path("taxAmount").asDouble() - expectedTax);
        v[idx("tax_rate_mismatch")] = rateMismatch ? 1 : 0;
        if (supplier != null) {
            v[idx("supplier_blocked")] = supplier.path("blocked").asBoolean() ? 1 : 0;
            v[idx("supplier_risk")] = switch (supplier.path("risk").asText("LOW")) {
                case "HIGH" -> 2;
                case "MEDIUM" -> 1;
                default -> 0;
            };
            v[idx("supplier_reliability")] = supplier.path("reliability").asDouble(1);
        }
        return new Facts(v, worstLine, sameNewPrice, closest);
    }

    static int idx(String name) {
        return NAMES.indexOf(name);
    }

    private static double lineRate(JsonNode inv) {
        for (JsonNode l : inv.path("lines")) {
            return l.path("taxRate").asDouble();
        }
        return 0;
    }

    private static double tolerance(JsonNode supplier, String field, double fallback) {
        if (supplier == null || supplier.path("toleranceOverride").isNull() || supplier.path("toleranceOverride").isMissingNode()) {
            return fallback;
        }
        JsonNode t = supplier.path("toleranceOverride");
        JsonNode value = t.path(field);
        return value.isMissingNode() || value.isNull() ? fallback : value.asDouble(fallback);
    }

    private static JsonNode poLine(JsonNode po, int lineNo) {
        for (JsonNode l : po.path("lines")) {
            if (l.path("lineNo").asInt() == lineNo) {
                return l;
            }
        }
        return null;
    }

    private static JsonNode poLineByItem(JsonNode po, String itemId) {
        for (JsonNode l : po.path("lines")) {
            if (itemId.equals(l.path("itemId").asText())) {
                return l;
            }
        }
        return null;
    }

    private static double cumulativeInvoiced(JsonNode inv, String poRef, int poLineNo, LocalDate received, ProcurementData data) {
        double total = 0;
        String id = inv.path("id").asText();
        for (JsonNode other : data.invoicesByPo.getOrDefault(poRef, List.of())) {
            LocalDate otherReceived = other.hasNonNull("receivedOn") ? date(other.path("receivedOn")) : date(other.path("invoiceDate"));
            boolean earlierOrThis = other.path("id").asText().equals(id) || otherReceived.isBefore(received)
                    || otherReceived.isEqual(received) && other.path("id").asText().compareTo(id) < 0;
            if (!earlierOrThis) {
                continue;
            }
            JsonNode po = data.purchaseOrders.get(poRef);
            for (JsonNode l : other.path("lines")) {
                JsonNode pl = l.path("poLineNo").isNull() || l.path("poLineNo").isMissingNode()
                        ? (po == null ? null : poLineByItem(po, l.path("itemId").asText(""))) : poLine(po == null ? l : po, l.path("poLineNo").asInt());
                if (pl != null && pl.path("lineNo").asInt() == poLineNo) {
                    total += l.path("quantity").asDouble();
                }
            }
        }
        return total;
    }

    /** Distance in percentage points from [lo, hi] to the nearest multiple of {@code step} % (0 when one lies inside). */
    static double roundGap(double lo, double hi, double step) {
        double below = Math.floor(hi / step) * step;
        if (below >= lo - 1e-9) {
            return 0;
        }
        return Math.min(lo - below, below + step - hi);
    }

    /**
     * Quantity billed on the PO line by the supplier's other invoices received by the as-of date, leaving out those with
     * this invoice's total (duplicates of it, which the duplicate facts describe).
     */
    private static double billedByOtherInvoices(JsonNode inv, String poRef, int poLineNo, ProcurementData data) {
        double total = 0;
        String id = inv.path("id").asText();
        double invTotal = inv.path("total").asDouble();
        JsonNode po = data.purchaseOrders.get(poRef);
        for (JsonNode other : data.invoicesByPo.getOrDefault(poRef, List.of())) {
            if (other.path("id").asText().equals(id) || Math.abs(other.path("total").asDouble() - invTotal) < 0.005) {
                continue;
            }
            LocalDate otherReceived = other.hasNonNull("receivedOn") ? date(other.path("receivedOn")) : date(other.path("invoiceDate"));
            if (otherReceived.isAfter(data.asOf)) {
                continue;
            }
            for (JsonNode l : other.path("lines")) {
                JsonNode pl = l.path("poLineNo").isNull() || l.path("poLineNo").isMissingNode()
                        ? poLineByItem(po, l.path("itemId").asText("")) : poLine(po, l.path("poLineNo").asInt());
                if (pl != null && pl.path("lineNo").asInt() == poLineNo) {
                    total += l.path("quantity").asDouble();
                }
            }
        }
        return total;
    }

    private static int sameNewPriceElsewhere(JsonNode inv, JsonNode line, ProcurementData data) {
        String item = line.path("itemId").asText("");
        double price = line.path("unitPrice").asDouble();
        int count = 0;
        for (JsonNode other : data.invoicesBySupplier.getOrDefault(inv.path("supplierId").asText(), List.of())) {
            if (other.path("id").asText().equals(inv.path("id").asText())) {
                continue;
            }
            for (JsonNode l : other.path("lines")) {
                if (item.equals(l.path("itemId").asText()) && Math.abs(l.path("unitPrice").asDouble() - price) <= 0.005 * price) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static double supplierPriceRiseShare(JsonNode inv, ProcurementData data, double tolerance) {
        int n = 0;
        int rising = 0;
        for (JsonNode other : data.invoicesBySupplier.getOrDefault(inv.path("supplierId").asText(), List.of())) {
            if (other.path("id").asText().equals(inv.path("id").asText())) {
                continue;
            }
            JsonNode po = data.purchaseOrders.get(other.path("poReference").asText(""));
            if (po == null) {
                continue;
            }
            n++;
            for (JsonNode l : other.path("lines")) {
                JsonNode pl = l.path("poLineNo").isNull() ? null : poLine(po, l.path("poLineNo").asInt());
                if (pl != null && pl.path("unitPrice").asDouble() > 0
                        && (l.path("unitPrice").asDouble() - pl.path("unitPrice").asDouble()) / pl.path("unitPrice").asDouble() > tolerance) {
                    rising++;
                    break;
                }
            }
        }
        return n == 0 ? 0 : rising / (double) n;
    }

    /**
     * {same total as an earlier invoice of the supplier, same digits in the number as an earlier one, same total and same
     * invoice date as an earlier one, number's digits start with an earlier same-total invoice's digits (a "-1" resubmission)}.
     */
    private static double[] duplicate(JsonNode inv, ProcurementData data) {
        String id = inv.path("id").asText();
        double total = inv.path("total").asDouble();
        String digits = inv.path("invoiceNumber").asText("").replaceAll("\\D", "").replaceFirst("^0+", "");
        LocalDate received = inv.hasNonNull("receivedOn") ? date(inv.path("receivedOn")) : date(inv.path("invoiceDate"));
        LocalDate invoiceDate = date(inv.path("invoiceDate"));
        double sameTotal = 0;
        double sameNumber = 0;
        double sameDate = 0;
        double extendsNumber = 0;
        for (JsonNode other : data.invoicesBySupplier.getOrDefault(inv.path("supplierId").asText(), List.of())) {
            String otherId = other.path("id").asText();
            if (otherId.equals(id)) {
                continue;
            }
            LocalDate otherReceived = other.hasNonNull("receivedOn") ? date(other.path("receivedOn")) : date(other.path("invoiceDate"));
            boolean earlier = otherReceived.isBefore(received) || otherReceived.isEqual(received) && otherId.compareTo(id) < 0;
            if (!earlier) {
                continue;
            }
            String od = other.path("invoiceNumber").asText("").replaceAll("\\D", "").replaceFirst("^0+", "");
            if (Math.abs(other.path("total").asDouble() - total) < 0.005) {
                sameTotal = 1;
                if (invoiceDate.equals(date(other.path("invoiceDate")))) {
                    sameDate = 1;
                }
                if (!od.isEmpty() && digits.length() > od.length() && digits.startsWith(od)) {
                    extendsNumber = 1;
                }
            }
            if (!digits.isEmpty() && digits.equals(od)) {
                sameNumber = 1;
            }
        }
        return new double[] {sameTotal, sameNumber, sameDate, extendsNumber};
    }

    static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static LocalDate date(JsonNode node) {
        return LocalDate.parse(node.asText());
    }
}
