package io.backroom.gateway.ap;

import io.backroom.api.model.AgingBucket;
import io.backroom.api.model.ApMetrics;
import io.backroom.api.model.CountBucket;
import io.backroom.api.model.CycleTimes;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Computes the accounts-payable metrics from the invoices, holds and decisions as they are now. */
public final class ApMetricsQuery {
    private static final int[][] AGING = {{0, 2}, {3, 7}, {8, 14}, {15, 30}, {31, -1}};
    private static final String HELD = "('ON_HOLD','ROUTED_TO_BUYER','AWAITING_CREDIT')";

    private ApMetricsQuery() {
    }

    public static ApMetrics compute(Sql tx, Instant now) throws SQLException {
        long invoices = tx.count("SELECT COUNT(*) FROM invoices WHERE kind = 'INVOICE'");
        long matched = tx.count("SELECT COUNT(*) FROM invoices WHERE kind = 'INVOICE' AND status = 'MATCHED'");
        long openHolds = tx.count("SELECT COUNT(*) FROM holds WHERE status = 'OPEN'");
        long held = tx.count("SELECT COUNT(*) FROM invoices WHERE status IN " + HELD);
        List<CountBucket> byCode = buckets(tx, "SELECT h.code, h.code, COUNT(*) FROM holds h WHERE h.status = 'OPEN' "
                + "GROUP BY h.code ORDER BY COUNT(*) DESC, h.code");
        List<CountBucket> bySupplier = buckets(tx, "SELECT i.supplier_id, MAX(s.name), COUNT(*) FROM holds h "
                + "JOIN invoices i ON i.id = h.invoice_id LEFT JOIN rm_suppliers s ON s.id = i.supplier_id "
                + "WHERE h.status = 'OPEN' GROUP BY i.supplier_id ORDER BY COUNT(*) DESC, i.supplier_id LIMIT 50");
        List<CountBucket> byStore = buckets(tx, "SELECT COALESCE(i.store_id, '(none)'), MAX(st.name), COUNT(*) FROM holds h "
                + "JOIN invoices i ON i.id = h.invoice_id LEFT JOIN rm_stores st ON st.id = i.store_id "
                + "WHERE h.status = 'OPEN' GROUP BY COALESCE(i.store_id, '(none)') ORDER BY COUNT(*) DESC LIMIT 50");
        List<CountBucket> byCategory = buckets(tx, "SELECT COALESCE(pl.category, '(header)'), "
                + "COALESCE(pl.category, '(header)'), COUNT(*) FROM holds h JOIN invoices i ON i.id = h.invoice_id "
                + "LEFT JOIN invoice_lines il ON il.invoice_id = h.invoice_id AND il.line_no = h.line_no "
                + "LEFT JOIN rm_po_lines pl ON pl.po_id = i.po_reference AND pl.line_no = il.po_line_no "
                + "WHERE h.status = 'OPEN' GROUP BY COALESCE(pl.category, '(header)') ORDER BY COUNT(*) DESC");
        long[] aging = new long[AGING.length];
        for (Instant heldAt : tx.query("SELECT COALESCE(held_at, created_at) FROM invoices WHERE status IN " + HELD,
                rs -> Instant.parse(rs.getString(1)))) {
            long days = Math.max(0, Duration.between(heldAt, now).toDays());
            for (int b = 0; b < AGING.length; b++) {
                if (days >= AGING[b][0] && (AGING[b][1] < 0 || days <= AGING[b][1])) {
                    aging[b]++;
                    break;
                }
            }
        }
        List<AgingBucket> agingBuckets = new ArrayList<>();
        for (int b = 0; b < AGING.length; b++) {
            Integer max = AGING[b][1] < 0 ? null : AGING[b][1];
            agingBuckets.add(new AgingBucket(max == null ? AGING[b][0] + "+ days" : AGING[b][0] + "-" + max + " days",
                    AGING[b][0], max, aging[b]));
        }
        List<Double> hours = tx.query("SELECT d.decided_at, COALESCE(i.held_at, i.created_at) FROM decisions d "
                + "JOIN invoices i ON i.id = d.invoice_id WHERE d.is_system = 0 AND d.to_status IN ('RELEASED','REJECTED')",
                rs -> Duration.between(Instant.parse(rs.getString(2)), Instant.parse(rs.getString(1))).toMinutes() / 60.0);
        hours.sort(Double::compare);
        CycleTimes cycle = new CycleTimes(hours.size(), percentile(hours, 0.5), percentile(hours, 0.9),
                hours.isEmpty() ? null : round(hours.stream().mapToDouble(Double::doubleValue).average().orElse(0)));
        BigDecimal touchless = invoices == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(matched).divide(BigDecimal.valueOf(invoices), 4, RoundingMode.HALF_UP);
        return new ApMetrics(now, invoices, openHolds, held, byCode, bySupplier, byStore, byCategory, agingBuckets,
                touchless, cycle);
    }

    private static List<CountBucket> buckets(Sql tx, String sql) throws SQLException {
        return tx.query(sql, rs -> new CountBucket(rs.getString(1), rs.getString(2), rs.getLong(3)));
    }

    private static BigDecimal percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return round(sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))));
    }

    private static BigDecimal round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}
