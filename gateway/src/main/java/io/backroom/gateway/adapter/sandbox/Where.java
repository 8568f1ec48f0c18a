package io.backroom.gateway.adapter.sandbox;

import io.backroom.api.model.Page;
import io.backroom.gateway.core.erp.ListQuery;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Builds the WHERE clause of an id-ordered, keyset-paginated list query. */
final class Where {
    private final ListQuery query;
    private final List<String> clauses = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    Where(ListQuery query) {
        this.query = query;
    }

    void eq(String column, String value) {
        if (value != null) {
            clause(column + " = ?", value);
        }
    }

    void clause(String sql, Object... values) {
        clauses.add(sql);
        params.addAll(List.of(values));
    }

    /** Case-insensitive substring match on any of the columns. */
    void text(String needle, String... columns) {
        if (needle == null || needle.isBlank()) {
            return;
        }
        List<String> ors = new ArrayList<>();
        for (String column : columns) {
            ors.add("LOWER(" + column + ") LIKE ? ESCAPE '\\'");
            params.add("%" + escapeLike(needle.toLowerCase(Locale.ROOT)) + "%");
        }
        clauses.add("(" + String.join(" OR ", ors) + ")");
    }

    /** {@code s} with LIKE's wildcards ({@code %}, {@code _}) and the escape character itself escaped by a backslash. */
    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    <T> Page<T> page(Sql tx, String table, Sql.RowMapper<T> mapper, Function<T, String> id) throws SQLException {
        List<String> all = new ArrayList<>(clauses);
        List<Object> values = new ArrayList<>(params);
        if (query.afterId() != null) {
            all.add("id > ?");
            values.add(query.afterId());
        }
        values.add(query.limit() + 1);
        String sql = "SELECT * FROM " + table + (all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all))
                + " ORDER BY id LIMIT ?";
        List<T> rows = tx.query(sql, mapper, values.toArray());
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, null);
        }
        List<T> page = rows.subList(0, query.limit());
        return new Page<>(page, id.apply(page.get(page.size() - 1)));
    }
}
