package io.backroom.app.services.store;

import io.backroom.app.tasks.BlockingWorkGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * The console's own SQLite database ({@code <home>/console.db}): settings, the audit log and the
 * decision outbox. WAL journal, synchronous=FULL so a committed decision survives a power cut,
 * schema brought up to date by {@link Migrations} on open.
 *
 * <p>One connection, used by one thread at a time ({@link #transaction}); every call is fast
 * (well under a millisecond for the usual row), but it is disk I/O, so never on the UI thread.
 */
public final class LocalStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LocalStore.class);

    private final Path file;
    private final Connection connection;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();

    private LocalStore(Path file, Connection connection, Clock clock) {
        this.file = file;
        this.connection = connection;
        this.clock = clock;
    }

    /** Opens (creating if needed) the store at {@code file} and applies the migrations it lacks. */
    public static LocalStore open(Path file, Clock clock) {
        return open(file, clock, Migrations.all());
    }

    static LocalStore open(Path file, Clock clock, List<Migration> migrations) {
        BlockingWorkGuard.check("Opening the local store");
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new StoreException("Could not create the folder for " + file + ": " + e.getMessage(), e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        config.setBusyTimeout(5000);
        Connection connection;
        try {
            connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath(), config.toProperties());
        } catch (SQLException e) {
            throw new StoreException("Could not open the local store " + file + ": " + e.getMessage(), e);
        }
        LocalStore store = new LocalStore(file, connection, clock);
        try {
            store.migrate(migrations);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /** The database file. */
    public Path file() {
        return file;
    }

    /** The clock every timestamp of the store comes from. */
    public Clock clock() {
        return clock;
    }

    /** The highest migration applied. */
    public int schemaVersion() {
        return transaction(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    /** The SQLite journal mode in effect ({@code wal} here). */
    public String journalMode() {
        return transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    /**
     * Runs {@code work} in one transaction: all of it is committed, or none of it. Nested calls on
     * the same thread join the outer transaction.
     */
    public <T> T transaction(SqlWork<T> work) {
        BlockingWorkGuard.check("SQLite");
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.run(connection);
            }
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(e);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("The local store " + file.getFileName() + " failed: " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    private void rollbackQuietly(Exception cause) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private void migrate(List<Migration> migrations) {
        transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS schema_version ("
                        + "version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            }
            return null;
        });
        int current = schemaVersion();
        int expected = 1;
        for (Migration m : migrations) {
            if (m.version() != expected++) {
                throw new StoreException("Migrations must be numbered 1, 2, 3, ... without gaps; found " + m.version());
            }
        }
        if (current > migrations.size()) {
            throw new StoreException("The local store " + file + " was written by a newer console (schema "
                    + current + ", this console knows " + migrations.size() + "). Update the console.");
        }
        for (Migration m : migrations.subList(current, migrations.size())) {
            transaction(c -> {
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO schema_version(version, name, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.name());
                    ps.setString(3, clock.instant().toString());
                    ps.executeUpdate();
                }
                return null;
            });
            LOG.info("Local store {}: applied migration {} ({})", file.getFileName(), m.version(), m.name());
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("Closing the local store {} failed", file, e);
        } finally {
            lock.unlock();
        }
    }

    /** Work against the store's connection, inside a transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
