package io.backroom.ml.exceptions;

import io.backroom.ml.explain.Reason;
import io.backroom.ml.explain.Reasons;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plain-word reasons from an invoice's match facts, strongest first. */
final class ExceptionReasons {
    private ExceptionReasons() {
    }

    static List<Reason> explain(InvoiceFeatures.Facts f) {
        List<Reason> r = new ArrayList<>();
        double var = f.get("max_price_var");
        if (f.get("price_lines_over_tol") > 0) {
            r.add(new Reason("max_price_var", String.format(Locale.ROOT, "unit price %.1f%% %s PO on %s (%.2f at stake)",
                    Math.abs(var) * 100, var > 0 ? "above" : "below", f.worstLine(), f.get("price_var_amount")), 5 + Math.abs(var) * 10));
            if (f.sameNewPrice() > 0) {
                r.add(new Reason("same_new_price_elsewhere", String.format(Locale.ROOT,
                        "supplier billed the same new price on %d other invoices", f.sameNewPrice()), 4 + f.sameNewPrice() / 10.0));
            } else {
                r.add(new Reason("same_new_price_elsewhere", "no other invoice of this supplier carries this price", 3.5));
            }
        }
        if (f.get("supplier_price_rise_share") > 0.1) {
            r.add(new Reason("supplier_price_rise_share", String.format(Locale.ROOT,
                    "supplier billed above PO prices on %.0f%% of its other invoices", f.get("supplier_price_rise_share") * 100), 2.5));
        }
        if (f.get("po_missing") > 0) {
            r.add(new Reason("po_missing", f.closestPo() != null && f.get("po_typo_distance") <= 2
                    ? String.format(Locale.ROOT, "PO number not found; it is %d character(s) away from open PO %s",
                            (int) f.get("po_typo_distance"), f.closestPo())
                    : "PO number not found and not close to any open PO of this supplier", 6));
        }
        if (f.get("po_closed") > 0) {
            r.add(new Reason("po_closed", "the PO is already closed", 6));
        }
        if (f.get("po_fully_invoiced") > 0) {
            r.add(new Reason("po_fully_invoiced", "the PO was already fully invoiced", 4));
        }
        if (f.get("po_closed") > 0 && f.get("po_billed_by_others") >= 0.999) {
            r.add(new Reason("po_billed_by_others", "other invoices already bill the full ordered quantity of these PO lines", 5.5));
        }
        if (f.get("qty_over_received") > 0.001) {
            r.add(new Reason("qty_over_received", String.format(Locale.ROOT, "billed %.0f%% of the ordered quantity more than was received",
                    f.get("qty_over_received") * 100), 5));
        }
        if (f.get("qty_over_ordered") > 0.001) {
            r.add(new Reason("qty_over_ordered", String.format(Locale.ROOT, "billed %.0f%% more than was ordered",
                    f.get("qty_over_ordered") * 100), 5));
        }
        if (f.get("lines_without_receipt_share") > 0) {
            r.add(new Reason("lines_without_receipt_share", String.format(Locale.ROOT,
                    "%.0f%% of the billed lines have no goods receipt yet (%d days after the PO's expected date)",
                    f.get("lines_without_receipt_share") * 100, (long) f.get("days_since_expected")), 4.5));
        }
        if (f.get("receipt_lag_days") > 0) {
            r.add(new Reason("receipt_lag_days", String.format(Locale.ROOT, "goods were receipted %d days after the invoice date",
                    (long) f.get("receipt_lag_days")), 3));
        }
        if (f.get("duplicate_same_total") > 0 || f.get("duplicate_same_number") > 0) {
            r.add(new Reason("duplicate", f.get("duplicate_same_number") > 0
                    ? "an earlier invoice of this supplier has the same number" : "an earlier invoice of this supplier has the same total", 6));
        }
        if (f.get("has_freight") > 0) {
            r.add(new Reason("freight", f.get("freight_on_free_delivery") > 0
                    ? "freight billed although the PO says free delivery"
                    : String.format(Locale.ROOT, "freight billed %.0f%% above the agreed amount", Math.max(0, f.get("freight_over_agreed")) * 100),
                    f.get("freight_on_free_delivery") > 0 || f.get("freight_over_agreed") > 0 ? 5 : 1));
        }
        if (f.get("tax_diff") > 0.05) {
            r.add(new Reason("tax_diff", String.format(Locale.ROOT, "tax differs by %.2f from the line rates%s", f.get("tax_diff"),
                    f.get("tax_rate_mismatch") > 0 ? " (a rate other than the supplier's usual one)" : ""), 5));
        }
        if (f.get("supplier_blocked") > 0) {
            r.add(new Reason("supplier_blocked", "the supplier is blocked", 7));
        }
        if (r.isEmpty()) {
            r.add(new Reason("clean", "no match difference beyond tolerance", 1));
        }
        return Reasons.top(r);
    }
}
