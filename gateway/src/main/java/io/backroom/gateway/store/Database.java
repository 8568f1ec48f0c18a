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
 *
 * <p>Writes come in two kinds. {@link #write} runs its work in a transaction of its own on the calling thread.
 * {@link #writeGrouped} (the API's POSTs) hands its work to the group writer thread, which applies every request
 * queued meanwhile (up to {@value #MAX_GROUP}) in one transaction, each inside its own savepoint: a request that
 * fails is rolled back to its savepoint and fails alone, the others commit together. Every caller returns only after
 * the shared commit, so nothing is acknowledged before it is durable, and one commit (one WAL append of the touched
 * pages) serves many requests.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Migration scripts, applied in order; append, never edit a released one. */
    static final List<String> MIGRATIONS = List.of("V1__ap_slice.sql", "V2__erp_read_model_and_outbox.sql",
            "V21__financial_controls.sql");
    private static final int READERS = 4;
    /** Most requests applied in one group transaction. */
    static final int MAX_GROUP = 64;

    private final SqlDialect dialect;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final BlockingQueue<Connection> readers = new ArrayBlockingQueue<>(READERS);
    /** Prepared statements per connection, reused: preparing is a large share of a small query's cost. */
    private final java.util.Map<Connection, java.util.Map<String, java.sql.PreparedStatement>> statements =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.concurrent.LinkedBlockingQueue<Pending<?>> queued =
            new java.util.concurrent.LinkedBlockingQueue<>();
    private volatile boolean open = true;
    private final Thread groupWriter = new Thread(this::groupLoop, "db-group-writer");
    private final java.util.concurrent.atomic.LongAdder groups = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder grouped = new java.util.concurrent.atomic.LongAdder();

    /** A request waiting for the group writer: its work, then its result or failure once the group committed. */
    private static final class Pending<T> {
        final Work<T> work;
        final java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
        T result;
        RuntimeException failure;
        /** Whether {@code result} or {@code failure} is final. */
        boolean settled;

        Pending(Work<T> work) {
            this.work = work;
        }
    }

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
            db.groupWriter.setDaemon(true);
            db.groupWriter.start();
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

    /**
     * Runs {@code work} in a write transaction; commits if it returns, rolls back if it throws. Called from work
     * running in a group transaction, it joins that request's savepoint instead (a commit here would end the group).
     */
    public <T> T write(Work<T> work) {
        if (Thread.currentThread() == groupWriter) {
            return writeGrouped(work);
        }
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

    /**
     * Runs {@code work} in a group transaction (see the class comment) and returns once that transaction committed.
     * {@code work} must be independent of the other requests' order and must not wait for other threads; it runs on
     * the group writer thread. What it throws is rethrown here, its effects rolled back; a failed commit fails every
     * request of the group with a {@link StoreException} (none of them is applied).
     */
    public <T> T writeGrouped(Work<T> work) {
        if (Thread.currentThread() == groupWriter) {
            // a grouped write inside a grouped write joins the request's own savepoint
            try {
                return work.run(sql(writer));
            } catch (SQLException e) {
                throw new StoreException("Database write failed: " + e.getMessage(), e);
            }
        }
        Pending<T> pending = new Pending<>(work);
        if (!open) {
            throw new StoreException("The gateway database is closed", null);
        }
        queued.add(pending);
        boolean interrupted = false;
        while (true) {
            try {
                if (pending.done.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                    break;
                }
                if (!groupWriter.isAlive() && queued.remove(pending)) {
                    throw new StoreException("The gateway database is closed", null);
                }
            } catch (InterruptedException e) {
                // the request may already be committed: wait for the outcome rather than report a guess
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (pending.failure != null) {
            throw pending.failure;
        }
        return pending.result;
    }

    /** Group transactions committed and requests they carried, since open (for benchmarks and logs). */
    public long[] groupStats() {
        return new long[] {groups.sum(), grouped.sum()};
    }

    private void groupLoop() {
        List<Pending<?>> group = new java.util.ArrayList<>(MAX_GROUP);
        while (open || !queued.isEmpty()) {
            try {
                Pending<?> first = queued.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queued.drainTo(group, MAX_GROUP - 1);
                runGroup(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                for (Pending<?> p : group) {
                    if (!p.settled) {
                        p.failure = new StoreException("The gateway database stopped before this write", null);
                    }
                    p.done.countDown();
                }
                group.clear();
            }
        }
        for (Pending<?> p = queued.poll(); p != null; p = queued.poll()) {
            p.failure = new StoreException("The gateway database is closed", null);
            p.done.countDown();
        }
    }

    /** Applies {@code group} in one transaction, one savepoint per request; sets each one's result or failure. */
    private void runGroup(List<Pending<?>> group) {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            Sql sql = sql(writer);
            List<Pending<?>> applied = new java.util.ArrayList<>(group.size());
            try {
                for (Pending<?> p : group) {
                    sql.update("SAVEPOINT request");
                    if (apply(p, sql)) {
                        sql.update("RELEASE request");
                        applied.add(p);
                    } else {
                        sql.update("ROLLBACK TO request");
                        sql.update("RELEASE request");
                    }
                }
                writer.commit();
                groups.increment();
                grouped.add(applied.size());
            } catch (SQLException | RuntimeException e) {
                // the transaction itself failed (savepoint or commit): nothing of this group is applied
                rollbackQuietly();
                StoreException failed = new StoreException("Database write failed: " + e.getMessage(), e);
                for (Pending<?> p : applied) {
                    p.result = null;
                    p.failure = failed;
                }
                for (Pending<?> p : group) {
                    if (p.failure == null && !applied.contains(p)) {
                        p.failure = failed;
                    }
                }
            } finally {
                writer.setAutoCommit(true);
            }
        } catch (SQLException e) {
            StoreException failed = new StoreException("Database transaction failed: " + e.getMessage(), e);
            for (Pending<?> p : group) {
                p.result = null;
                p.failure = failed;
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs one request's work; false (failure recorded) if it threw. */
    private static <T> boolean apply(Pending<T> p, Sql sql) {
        p.settled = true;
        try {
            p.result = p.work.run(sql);
            return true;
        } catch (SQLException e) {
            p.failure = new StoreException("Database write failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            p.failure = e;
        } catch (Error e) {
            p.failure = new StoreException("Database write failed: " + e, e);
        }
        return false;
    }

    private void rollbackQuietly() {
        try {
            writer.rollback();
        } catch (SQLException e) {
            LOG.warn("Rolling back a failed group transaction failed: {}", e.getMessage());
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
        open = false;
        try {
            groupWriter.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
