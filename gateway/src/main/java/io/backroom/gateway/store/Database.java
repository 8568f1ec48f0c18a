package io.backroom.gateway.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's database: one writer connection behind a lock (SQLite has one writer anyway; the lock makes
 * writers queue in the JVM instead of spinning on busy errors) and a small pool of reader connections, which WAL
 * lets run beside the writer. Opening it applies the versioned migrations the file has not seen.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Migration scripts, applied in order; append, never edit a released one. */
    static final List<String> MIGRATIONS = List.of("V1__ap_slice.sql");
    private static final int READERS = 4;

    private final SqlDialect dialect;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    /** Prepared statements per connection, reused: preparing is a large share of a small query's cost. */
    private final java.util.Map<Connection, java.util.Map<String, java.sql.PreparedStatement>> statements =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Work done inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Sql sql) throws SQLException;
    }

    private Database(SqlDialect dialect, Connection writer) {
        this.dialect = dialect;
        this.writer = writer;
    }

    /** Opens (creating if needed) the database at {@code file} and migrates it to the latest schema. */
    public static Database open(Path file, SqlDialect dialect, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Connection writer = DriverManager.getConnection(dialect.jdbcUrl(file));
            dialect.configure(writer, true);
            Database db = new Database(dialect, writer);
            db.migrate(clock);
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(dialect.jdbcUrl(file));
                dialect.configure(reader, false);
                reader.setAutoCommit(true);
                db.readers.add(reader);
            }
            return db;
        } catch (SQLException e) {
            throw new StoreException("Could not open the gateway database " + file, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /** Runs {@code work} in a write transaction; commits if it returns, rolls back if it throws. */
    public <T> T write(Work<T> work) {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                T result = work.run(sql(writer));
                writer.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                writer.rollback();
                if (e instanceof SQLException sql) {
                    throw new StoreException("Database write failed: " + sql.getMessage(), sql);
                }
                throw (RuntimeException) e;
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Database transaction failed: " + e.getMessage(), e);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} on a reader connection (a consistent snapshot for each statement). */
    public <T> T read(Work<T> work) {
        Connection reader;
        try {
            reader = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("Interrupted waiting for a database connection", null);
        }
        try {
            reader.setAutoCommit(false);
            try {
                return work.run(sql(reader));
            } finally {
                reader.rollback();
                reader.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("Database read failed: " + e.getMessage(), e);
        } finally {
            readers.add(reader);
        }
    }

    private Sql sql(Connection c) {
        return new Sql(c, dialect, statements.computeIfAbsent(c, k -> new java.util.HashMap<>()));
    }

    private void migrate(Clock clock) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, script TEXT NOT NULL, "
                    + "applied_at TEXT NOT NULL)");
        }
        Sql sql = sql(writer);
        for (int i = 0; i < MIGRATIONS.size(); i++) {
            int version = i + 1;
            String script = MIGRATIONS.get(i);
            if (sql.count("SELECT COUNT(*) FROM schema_migrations WHERE version = ?", version) > 0) {
                continue;
            }
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                for (String statement : statements(dialect.expand(resource(script)))) {
                    s.execute(statement);
                }
                sql.update("INSERT INTO schema_migrations (version, script, applied_at) VALUES (?, ?, ?)", version,
                        script, clock.instant());
                writer.commit();
                LOG.info("Applied migration {} ({})", version, script);
            } catch (SQLException e) {
                writer.rollback();
                throw e;
            } finally {
                writer.setAutoCommit(true);
            }
        }
    }

    /** The schema version the database is at. */
    public int schemaVersion() {
        return read(sql -> (int) sql.count("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    }

    private static String resource(String script) {
        try (InputStream in = Database.class.getResourceAsStream("/io/backroom/gateway/db/" + script)) {
            if (in == null) {
                throw new IllegalStateException("Migration script missing from the class path: " + script);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> statements(String script) {
        StringBuilder clean = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                clean.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(clean.toString().split(";"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            for (java.util.Map<String, java.sql.PreparedStatement> cached : statements.values()) {
                for (java.sql.PreparedStatement ps : cached.values()) {
                    ps.close();
                }
            }
            for (Connection c : readers) {
                c.close();
            }
            writer.close();
        } catch (SQLException e) {
            LOG.warn("Closing the database failed: {}", e.getMessage());
        } finally {
            writeLock.unlock();
        }
    }
}
