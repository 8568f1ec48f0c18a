package io.backroom.gateway.ap;

import io.backroom.api.model.HoldCode;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.Money;
import io.backroom.api.model.Page;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The invoice list: filters, a sort key and keyset pagination. The cursor is the last row's sort value and id, so
 * a page costs the same wherever it is in the list.
 *
 * @param sort     one of {@link #SORTS}, {@code -} prefix for descending
 * @param afterKey the decoded cursor: sort value and id of the last row of the previous page, or {@code null}
 */
public record InvoiceQuery(List<InvoiceStatus> statuses, HoldCode holdCode, String supplierId, String storeId,
        InvoiceKind kind, BigDecimal minTotal, BigDecimal maxTotal, LocalDate dueFrom, LocalDate dueTo, String sort,
        int limit, String[] afterKey, io.backroom.gateway.auth.RegionScope scope) {

    /** A company-wide query (no regional scope). */
    public InvoiceQuery(List<InvoiceStatus> statuses, HoldCode holdCode, String supplierId, String storeId,
            InvoiceKind kind, BigDecimal minTotal, BigDecimal maxTotal, LocalDate dueFrom, LocalDate dueTo, String sort,
            int limit, String[] afterKey) {
        this(statuses, holdCode, supplierId, storeId, kind, minTotal, maxTotal, dueFrom, dueTo, sort, limit, afterKey,
                null);
    }

    /** API sort key to column. */
    public static final Map<String, String> SORTS = Map.of("id", "i.id", "dueDate", "i.due_date", "total", "i.total_e4",
            "invoiceDate", "i.invoice_date", "createdAt", "i.seq");

    public Page<InvoiceSummary> run(Sql tx) throws SQLException {
        boolean desc = sort.startsWith("-");
        String key = desc ? sort.substring(1) : sort;
        String column = SORTS.get(key);
        if (column == null) {
            throw Problem.badRequest("sort must be one of " + SORTS.keySet() + " (optionally prefixed with -), got '"
                    + sort + "'");
        }
        boolean numeric = key.equals("total") || key.equals("createdAt");
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (!statuses.isEmpty()) {
            where.add("i.status IN (" + String.join(",", statuses.stream().map(s -> "?").toList()) + ")");
            params.addAll(statuses.stream().map(Enum::name).toList());
        }
        if (holdCode != null) {
            where.add("EXISTS (SELECT 1 FROM holds h WHERE h.invoice_id = i.id AND h.status = 'OPEN' AND h.code = ?)");
            params.add(holdCode.name());
        }
        if (scope != null) {
            where.add(scope.clause("i.store_id"));
            params.add(scope.parameter());
        }
        eq(where, params, "i.supplier_id", supplierId);
        eq(where, params, "i.store_id", storeId);
        eq(where, params, "i.kind", kind == null ? null : kind.name());
        if (minTotal != null) {
            where.add("i.total_e4 >= ?");
            params.add(InvoiceRepository.e4(minTotal));
        }
        if (maxTotal != null) {
            where.add("i.total_e4 <= ?");
            params.add(InvoiceRepository.e4(maxTotal));
        }
        if (dueFrom != null) {
            where.add("i.due_date >= ?");
            params.add(dueFrom);
        }
        if (dueTo != null) {
            where.add("i.due_date <= ?");
            params.add(dueTo);
        }
        if (afterKey != null) {
            String op = desc ? "<" : ">";
            if (column.equals("i.id")) {
                where.add("i.id " + op + " ?");
                params.add(afterKey[1]);
            } else {
                where.add("(" + column + " " + op + " ? OR (" + column + " = ? AND i.id " + op + " ?))");
                Object value = numeric ? (Object) Long.parseLong(afterKey[0]) : afterKey[0];
                params.add(value);
                params.add(value);
                params.add(afterKey[1]);
            }
        }
        String dir = desc ? " DESC" : "";
        String order = column.equals("i.id") ? "i.id" + dir : column + dir + ", i.id" + dir;
        params.add(limit + 1);
        String sql = "SELECT i.id, i.kind, i.invoice_number, i.supplier_id, s.name AS supplier_name, i.store_id, "
                + "i.po_reference, i.invoice_date, i.due_date, i.discount_date, i.total, i.currency, i.status, "
                + "i.hold_codes, i.assignee_user_id, i.version, i.created_at, i.seq, i.total_e4 "
                + "FROM invoices i LEFT JOIN rm_suppliers s ON s.id = i.supplier_id"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY " + order + " LIMIT ?";
        List<String[]> keys = new ArrayList<>();
        List<InvoiceSummary> rows = tx.query(sql, rs -> {
            String codes = rs.getString("hold_codes");
            String sortValue = switch (key) {
                case "dueDate" -> rs.getString("due_date");
                case "invoiceDate" -> rs.getString("invoice_date");
                case "total" -> Long.toString(rs.getLong("total_e4"));
                case "createdAt" -> Long.toString(rs.getLong("seq"));
                default -> rs.getString("id");
            };
            keys.add(new String[] {sortValue, rs.getString("id")});
            return new InvoiceSummary(rs.getString("id"), InvoiceKind.valueOf(rs.getString("kind")),
                    rs.getString("invoice_number"), rs.getString("supplier_id"), rs.getString("supplier_name"),
                    rs.getString("store_id"), rs.getString("po_reference"), Sql.date(rs, "invoice_date"),
                    Sql.date(rs, "due_date"), Sql.date(rs, "discount_date"),
                    new Money(Sql.decimal(rs, "total"), rs.getString("currency")),
                    InvoiceStatus.valueOf(rs.getString("status")),
                    codes == null || codes.isEmpty() ? List.of()
                            : Arrays.stream(codes.split(",")).map(HoldCode::valueOf).toList(),
                    rs.getString("assignee_user_id"), rs.getLong("version"), Sql.instant(rs, "created_at"));
        }, params.toArray());
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        String[] last = keys.get(limit - 1);
        return new Page<>(rows.subList(0, limit), last[0] + "\n" + last[1]);
    }

    private static void eq(List<String> where, List<Object> params, String column, String value) {
        if (value != null) {
            where.add(column + " = ?");
            params.add(value);
        }
    }
}
