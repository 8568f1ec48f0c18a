package io.backroom.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/**
 * Everything database-specific the gateway needs, in one place: SQLite ({@link SqliteDialect}) and PostgreSQL
 * ({@link PostgresDialect}). The schema and the queries are portable SQL; what cannot be (the auto-increment key and
 * binary column types in the migrations, error classification, per-connection set-up) lives here.
 */
public interface SqlDialect {
    /** A short name for logs, such as {@code sqlite}. */
    String name();

    /** Per-connection set-up (journal mode, synchronous level, busy timeout, ...). */
    void configure(Connection connection, boolean writer) throws SQLException;

    /**
     * The values of the migration scripts' placeholders: {@code ${id}} (an auto-increment primary key) and
     * {@code ${blob}} (a binary column).
     */
    Map<String, String> placeholders();

    /** Replaces the placeholders of a script (see {@link #placeholders()}). */
    default String expand(String ddl) {
        String out = ddl;
        for (Map.Entry<String, String> p : placeholders().entrySet()) {
            out = out.replace("${" + p.getKey() + "}", p.getValue());
        }
        return out;
    }

    /** Whether {@code e} reports a primary-key or unique-constraint violation. */
    boolean isUniqueViolation(SQLException e);

    /**
     * Whether the transaction that failed with {@code e} may simply be run again: a serialization failure or a
     * deadlock between concurrent writers. Never true on SQLite, whose writers are serialized.
     */
    boolean isRetryable(SQLException e);

    /**
     * Makes the rest of the current write transaction the only one appending to {@code stream} (a table whose
     * auto-increment key readers page through): with concurrent writers, keys would otherwise become visible out of
     * order and a reader that moved its cursor past a later key would never see an earlier one committed after it.
     * A no-op where writers are serialized anyway.
     */
    void appendInOrder(Connection connection, String stream) throws SQLException;
}
