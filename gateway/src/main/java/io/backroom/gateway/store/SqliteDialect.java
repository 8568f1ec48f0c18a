package io.backroom.gateway.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * SQLite in WAL mode. {@code synchronous=NORMAL}: a commit survives the process being killed (the WAL is in the
 * operating system's cache); set {@code FULL} for power-loss durability at the cost of an fsync per commit.
 */
public final class SqliteDialect implements SqlDialect {
    private final String synchronous;

    public SqliteDialect() {
        this("NORMAL");
    }

    public SqliteDialect(String synchronous) {
        this.synchronous = synchronous;
    }

    @Override
    public String name() {
        return "sqlite";
    }

    /** The JDBC URL of the database at {@code file}. */
    public String jdbcUrl(Path file) {
        // the gateway never asks for generated keys; without this the driver runs an extra query after every insert
        return "jdbc:sqlite:" + file.toAbsolutePath() + "?jdbc.get_generated_keys=false";
    }

    @Override
    public void configure(Connection connection, boolean writer) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            if (writer) {
                s.execute("PRAGMA journal_mode=WAL");
            }
            s.execute("PRAGMA synchronous=" + synchronous);
            s.execute("PRAGMA cache_size=-20000");
            s.execute("PRAGMA temp_store=MEMORY");
        }
    }

    @Override
    public Map<String, String> placeholders() {
        return Map.of("id", "INTEGER PRIMARY KEY AUTOINCREMENT", "blob", "BLOB");
    }

    @Override
    public boolean isUniqueViolation(SQLException e) {
        // the driver reports no SQLState; its extended result code says which constraint failed
        return e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || s.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY);
    }

    @Override
    public boolean isRetryable(SQLException e) {
        return false;
    }

    @Override
    public void appendInOrder(Connection connection, String stream) {
        // one writer connection: appends are in commit order already
    }
}
