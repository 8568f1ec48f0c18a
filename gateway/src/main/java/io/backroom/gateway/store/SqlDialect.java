package io.backroom.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Everything database-specific the gateway needs, in one place. The schema and queries are portable SQL; a
 * PostgreSQL deployment implements this interface and nothing else changes.
 */
public interface SqlDialect {
    /** A short name for logs, such as {@code sqlite}. */
    String name();

    /** The JDBC URL of the database at {@code file}. */
    String jdbcUrl(Path file);

    /** Per-connection set-up (journal mode, synchronous level, busy timeout, ...). */
    void configure(Connection connection, boolean writer) throws SQLException;

    /** Replaces the dialect placeholders of a migration script: {@code ${id}} and {@code ${blob}}. */
    String expand(String ddl);

    /** Whether {@code e} reports a primary-key or unique-constraint violation. */
    boolean isUniqueViolation(SQLException e);
}
