package io.backroom.gateway.ap;

import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.gateway.core.Violations;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Goods returned to the supplier: a goods receipt whose line quantity is negative is a return-to-vendor movement on
 * that PO line. It lowers the line's received quantity and re-matches the held invoices of the order like any
 * receipt; it may not return more than was received.
 */
final class ReturnsToVendor {
    private ReturnsToVendor() {
    }

    /** Refuses a movement that would take a PO line's received quantity below zero. */
    static void check(Violations v, PurchaseOrder po, List<GoodsReceiptLine> lines, Map<Integer, BigDecimal> movement,
            Map<Integer, BigDecimal> received) {
        for (Map.Entry<Integer, BigDecimal> e : movement.entrySet()) {
            BigDecimal before = received.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (before.add(e.getValue()).signum() < 0) {
                int index = 0;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i) != null && lines.get(i).poLineNo() == e.getKey()) {
                        index = i;
                        break;
                    }
                }
                v.add("lines[" + index + "].quantity", "returns " + e.getValue().negate().stripTrailingZeros()
                        .toPlainString() + " of PO line " + e.getKey() + " of " + po.id() + ", but only "
                        + before.stripTrailingZeros().toPlainString() + " were received");
            }
        }
    }
}
