package io.backroom.gateway.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Thin helper over one JDBC connection inside a transaction: parameters bound by type, rows mapped by lambdas. */
public final class Sql {
    private final Connection connection;
    private final SqlDialect dialect;
    private final java.util.Map<String, PreparedStatement> cache;

    Sql(Connection connection, SqlDialect dialect, java.util.Map<String, PreparedStatement> cache) {
        this.connection = connection;
        this.dialect = dialect;
        this.cache = cache;
    }

    /** A prepared statement for {@code sql}, reused across transactions of this connection. */
    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement ps = cache.get(sql);
        if (ps == null) {
            ps = connection.prepareStatement(sql);
            if (cache.size() < 500) {
                cache.put(sql, ps);
            }
        } else {
            ps.clearParameters();
        }
        return ps;
    }

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Declares that this transaction appends to {@code stream}, a table whose auto-increment key readers page through
     * ({@code WHERE seq > ?}): call it before the insert, and concurrent appends commit in key order (see
     * {@link SqlDialect#appendInOrder}).
     */
    public void appendInOrder(String stream) throws SQLException {
        dialect.appendInOrder(connection, stream);
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        PreparedStatement ps = prepare(sql);
        {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) throws SQLException {
        PreparedStatement ps = prepare(sql);
        {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(mapper.map(rs)) : Optional.empty();
            }
        }
    }

    public long count(String sql, Object... params) throws SQLException {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    public int update(String sql, Object... params) throws SQLException {
        PreparedStatement ps = prepare(sql);
        bind(ps, params);
        return ps.executeUpdate();
    }

    /** Runs one statement for each parameter row. */
    public void batch(String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        PreparedStatement ps = prepare(sql);
        for (Object[] row : rows) {
            bind(ps, row);
            ps.addBatch();
        }
        ps.executeBatch();
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            int at = i + 1;
            if (p == null) {
                ps.setObject(at, null);
            } else if (p instanceof String s) {
                ps.setString(at, s);
            } else if (p instanceof Long l) {
                ps.setLong(at, l);
            } else if (p instanceof Integer n) {
                ps.setInt(at, n);
            } else if (p instanceof Boolean b) {
                ps.setInt(at, b ? 1 : 0);
            } else if (p instanceof BigDecimal d) {
                ps.setString(at, d.toPlainString());
            } else if (p instanceof LocalDate d) {
                ps.setString(at, d.toString());
            } else if (p instanceof Instant t) {
                ps.setString(at, t.toString());
            } else if (p instanceof byte[] bytes) {
                ps.setBytes(at, bytes);
            } else if (p instanceof Enum<?> e) {
                ps.setString(at, e.name());
            } else {
                throw new IllegalArgumentException("Cannot bind " + p.getClass().getName());
            }
        }
    }

    /** A nullable decimal column stored as text. */
    public static BigDecimal decimal(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : new BigDecimal(s);
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : LocalDate.parse(s);
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        String s = rs.getString(column);
        return s == null ? null : Instant.parse(s);
    }
}
