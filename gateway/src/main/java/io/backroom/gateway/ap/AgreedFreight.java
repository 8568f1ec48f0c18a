package io.backroom.gateway.ap;

import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Freight agreed on a purchase order is agreed once for the whole order: what earlier invoices of the order billed
 * as charges is consumed, and only the rest is planned for the next invoice (docs/three-way-match.md, "Charges").
 */
final class AgreedFreight {
    private AgreedFreight() {
    }

    /** The agreed freight not yet billed by invoices of {@code poId} that arrived before {@code seq}. */
    static BigDecimal remaining(Sql tx, BigDecimal agreed, String poId, long seq) throws SQLException {
        Map<String, BigDecimal> subtotal = new HashMap<>();
        for (Object[] r : tx.query("SELECT id, subtotal FROM invoices WHERE po_reference = ? AND kind = 'INVOICE' "
                + "AND status <> 'REJECTED' AND seq < ?", rs -> new Object[] {rs.getString(1),
                        new BigDecimal(rs.getString(2))}, poId, seq)) {
            subtotal.put((String) r[0], (BigDecimal) r[1]);
        }
        if (subtotal.isEmpty()) {
            return agreed;
        }
        List<Object[]> lines = tx.query("SELECT l.invoice_id, l.net_amount FROM invoice_lines l JOIN invoices i "
                + "ON i.id = l.invoice_id WHERE i.po_reference = ? AND i.kind = 'INVOICE' AND i.status <> 'REJECTED' "
                + "AND i.seq < ?", rs -> new Object[] {rs.getString(1), new BigDecimal(rs.getString(2))}, poId, seq);
        Map<String, BigDecimal> net = new HashMap<>();
        for (Object[] l : lines) {
            net.merge((String) l[0], (BigDecimal) l[1], BigDecimal::add);
        }
        BigDecimal billed = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : subtotal.entrySet()) {
            billed = billed.add(e.getValue().subtract(net.getOrDefault(e.getKey(), BigDecimal.ZERO)).max(BigDecimal.ZERO));
        }
        return agreed.subtract(billed).max(BigDecimal.ZERO);
    }
}
