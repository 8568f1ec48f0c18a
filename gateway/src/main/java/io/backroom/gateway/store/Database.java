package io.backroom.gateway.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's database, on SQLite (embedded) or PostgreSQL (shared by several gateways). Opening it applies, with
 * Flyway, every {@code V<n>__*.sql} script under {@value #MIGRATIONS} the database has not seen.
 *
 * <p><b>SQLite</b>: one writer connection behind a lock (SQLite has one writer anyway; the lock makes writers queue in
 * the JVM instead of spinning on busy errors) and a small pool of reader connections, which WAL lets run beside the
 * writer.
 *
 * <p><b>PostgreSQL</b>: a HikariCP pool of writer connections and a pool of read-only {@code REPEATABLE READ} reader
 * connections. Each write is a {@code READ COMMITTED} transaction of its own that first takes the database's writer
 * lock ({@link PostgresDialect#beginWrite}), so writes of every gateway on the database run one at a time, as on
 * SQLite, while reads run beside them. (Concurrent {@code SERIALIZABLE} writers were tried first: under eight intake
 * clients on 100,000 invoices they kept failing each other's predicate locks until the retries ran out; see
 * docs/benchmarks/gateway.md.) A write that fails with a serialization failure or a deadlock is rolled back and run
 * again, so the work of a write must have no effect outside its transaction.
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
    /**
     * Where the migration scripts live on the class path: {@code V<n>__<what>.sql}, applied in version order; add a
     * new one, never edit a released one (Flyway refuses to start on a changed checksum).
     */
    static final String MIGRATIONS = "classpath:io/backroom/gateway/db";
    private static final int READERS = 4;
    /** PostgreSQL connections per pool (writers and readers each). */
    private static final int PG_POOL = 8;
    /** Attempts of a PostgreSQL write that keeps losing serialization conflicts before its caller sees the failure. */
    static final int PG_ATTEMPTS = 30;
    /** Most requests applied in one group transaction. */
    static final int MAX_GROUP = 64;

    private final SqlDialect dialect;
    /** SQLite's one writer connection; null on PostgreSQL. */
    private final Connection writer;
    /** PostgreSQL's pools; null on SQLite. */
    private final HikariDataSource writePool;
    private final HikariDataSource readPool;
    /** The PostgreSQL transaction the current thread runs in, so that a nested write joins it. */
    private final ThreadLocal<Sql> current = new ThreadLocal<>();
    private final java.util.concurrent.atomic.LongAdder retries = new java.util.concurrent.atomic.LongAdder();
    private volatile int schemaVersion;
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

    private Database(SqlDialect dialect, Connection writer, HikariDataSource writePool, HikariDataSource readPool) {
        this.dialect = dialect;
        this.writer = writer;
        this.writePool = writePool;
        this.readPool = readPool;
    }

    /** Opens (creating if needed) the database at {@code location} and migrates it to the latest schema. */
    public static Database open(StoreLocation location, Clock clock) {
        if (location instanceof StoreLocation.SqliteFile f) {
            return open(f.file(), new SqliteDialect(), clock);
        }
        return openPostgres((StoreLocation.Postgres) location);
    }

    /** Opens (creating if needed) the SQLite database at {@code file} and migrates it to the latest schema. */
    public static Database open(Path file, SqliteDialect dialect, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            String url = dialect.jdbcUrl(file);
            int version = migrate(Flyway.configure().dataSource(url, null, null), dialect, legacyVersion(url));
            Connection writer = DriverManager.getConnection(url);
            dialect.configure(writer, true);
            Database db = new Database(dialect, writer, null, null);
            db.schemaVersion = version;
            for (int i = 0; i < READERS; i++) {
                Connection reader = DriverManager.getConnection(dialect.jdbcUrl(file));
                dialect.configure(reader, false);
                reader.setAutoCommit(true);
                db.readers.add(reader);
            }
            db.groupWriter.setDaemon(true);
            db.groupWriter.start();
            return db;
        } catch (SQLException | FlywayException e) {
            throw new StoreException("Could not open the gateway database " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Database openPostgres(StoreLocation.Postgres location) {
        PostgresDialect dialect = new PostgresDialect();
        HikariDataSource writers = null;
        HikariDataSource readers = null;
        try {
            writers = pool(location, "backroom-writers", false);
            int version = migrate(Flyway.configure().dataSource(writers), dialect, 0);
            readers = pool(location, "backroom-readers", true);
            Database db = new Database(dialect, null, writers, readers);
            db.schemaVersion = version;
            LOG.info("Gateway database: PostgreSQL at {}, schema version {}", location.describe(), version);
            return db;
        } catch (RuntimeException e) {
            if (readers != null) {
                readers.close();
            }
            if (writers != null) {
                writers.close();
            }
            throw new StoreException("Could not open the gateway database " + location.describe() + ": "
                    + e.getMessage(), e);
        }
    }

    private static HikariDataSource pool(StoreLocation.Postgres location, String name, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(location.url());
        config.setUsername(location.user());
        config.setPassword(location.password());
        config.setMaximumPoolSize(PG_POOL);
        config.setMinimumIdle(1);
        config.setAutoCommit(false);
        config.setReadOnly(readOnly);
        config.setTransactionIsolation(readOnly ? "TRANSACTION_REPEATABLE_READ" : "TRANSACTION_READ_COMMITTED");
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(10_000);
        return new HikariDataSource(config);
    }

    /**
     * The schema version a file migrated by the gateway's earlier, hand-written runner is at (its
     * {@code schema_migrations} table), so that Flyway takes it over from there; 0 for a new file or one Flyway
     * already knows.
     */
    private static int legacyVersion(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                ResultSet tables = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
                        + "('schema_migrations', 'flyway_schema_history')")) {
            boolean legacy = false;
            while (tables.next()) {
                if (tables.getString(1).equals("flyway_schema_history")) {
                    return 0;
                }
                legacy = true;
            }
            if (!legacy) {
                return 0;
            }
            try (ResultSet max = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")) {
                return max.next() ? max.getInt(1) : 0;
            }
        }
    }

    /**
     * Applies the pending migrations and returns the schema version. A database the old runner migrated to
     * {@code legacyVersion} is baselined there: Flyway records that version as applied and runs only the later ones.
     */
    private static int migrate(org.flywaydb.core.api.configuration.FluentConfiguration flyway, SqlDialect dialect,
            int legacyVersion) {
        flyway.locations(MIGRATIONS).placeholders(dialect.placeholders()).failOnMissingLocations(true)
                .validateMigrationNaming(true).loggers("slf4j");
        if (legacyVersion > 0) {
            flyway.baselineOnMigrate(true).baselineVersion(Integer.toString(legacyVersion))
                    .baselineDescription("schema_migrations of the hand-written runner");
        }
        Flyway configured = flyway.load();
        MigrateResult result = configured.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Applied {} migration(s) on {}, schema now at version {}", result.migrationsExecuted,
                    dialect.name(), result.targetSchemaVersion);
        }
        String version = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return version == null ? 0 : Integer.parseInt(version);
    }

    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Runs {@code work} in a write transaction; commits if it returns, rolls back if it throws. Called from work
     * running in a group transaction, it joins that request's savepoint instead (a commit here would end the group).
     */
    public <T> T write(Work<T> work) {
        if (writePool != null) {
            return writePostgres(work);
        }
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
        if (writePool != null) {
            return writePostgres(work);
        }
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

    /**
     * A PostgreSQL write: its own transaction from the pool, holding the writer lock, run again (after a short random
     * pause) if it fails with a serialization failure or a deadlock; joins the current thread's transaction if there
     * is one.
     */
    private <T> T writePostgres(Work<T> work) {
        Sql joined = current.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException e) {
                throw new StoreException("Database write failed: " + e.getMessage(), e);
            }
        }
        for (int attempt = 1;; attempt++) {
            try (Connection c = writePool.getConnection()) {
                Map<String, java.sql.PreparedStatement> prepared = new java.util.HashMap<>();
                Sql sql = new Sql(c, dialect, prepared);
                current.set(sql);
                try {
                    ((PostgresDialect) dialect).beginWrite(c);
                    T result = work.run(sql);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    rollbackQuietly(c);
                    SQLException cause = sqlCause(e);
                    if (cause != null && dialect.isRetryable(cause) && attempt < PG_ATTEMPTS) {
                        retries.increment();
                        backOff(attempt);
                        continue;
                    }
                    if (e instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new StoreException("Database write failed: " + e.getMessage(), e);
                } finally {
                    current.remove();
                    for (java.sql.PreparedStatement ps : prepared.values()) {
                        ps.close();
                    }
                }
            } catch (SQLException e) {
                // getting, committing or returning the connection failed
                if (dialect.isRetryable(e) && attempt < PG_ATTEMPTS) {
                    retries.increment();
                    backOff(attempt);
                    continue;
                }
                throw new StoreException("Database transaction failed: " + e.getMessage(), e);
            }
        }
    }

    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s) {
                return s;
            }
        }
        return null;
    }

    private static void backOff(int attempt) {
        long cap = Math.min(100, 2L << Math.min(attempt, 6));
        java.util.concurrent.locks.LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(cap * 1_000_000L / 2,
                cap * 1_000_000L));
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException e) {
            LOG.warn("Rolling back a failed transaction failed: {}", e.getMessage());
        }
    }

    /** Leases held by this gateway (PostgreSQL): name to the connection holding its session advisory lock. */
    private final Map<String, Connection> leases = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether this gateway holds the database-wide lease {@code name}, taking it if it is free: for work that one
     * gateway of all those sharing a database must do alone, such as delivering the ERP outbox in order. Always true on
     * SQLite (one gateway per file). On PostgreSQL the lease is a session advisory lock on a connection of its own,
     * held until {@link #close} or until that connection or the process dies, when another gateway takes it over.
     */
    public synchronized boolean holdsLease(String name) {
        if (writePool == null) {
            return true;
        }
        Connection held = leases.get(name);
        try {
            if (held != null) {
                if (held.isValid(2)) {
                    return true;
                }
                leases.remove(name);
                closeQuietly(held);
            }
            Connection c = writePool.getConnection();
            boolean taken = false;
            try {
                c.setAutoCommit(true); // no transaction stays open on the lease's connection
                taken = ((PostgresDialect) dialect).tryLease(c, name);
            } finally {
                if (taken) {
                    leases.put(name, c);
                } else {
                    closeQuietly(c);
                }
            }
            return taken;
        } catch (SQLException e) {
            LOG.warn("Could not take the lease {}: {}", name, e.getMessage());
            return false;
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            LOG.warn("Closing a connection failed: {}", e.getMessage());
        }
    }

    /** Write transactions run again after a serialization conflict or deadlock, since open (PostgreSQL only). */
    public long retriedWrites() {
        return retries.sum();
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
        if (readPool != null) {
            try (Connection c = readPool.getConnection()) {
                Map<String, java.sql.PreparedStatement> prepared = new java.util.HashMap<>();
                try {
                    return work.run(new Sql(c, dialect, prepared));
                } finally {
                    rollbackQuietly(c);
                    for (java.sql.PreparedStatement ps : prepared.values()) {
                        ps.close();
                    }
                }
            } catch (SQLException e) {
                throw new StoreException("Database read failed: " + e.getMessage(), e);
            }
        }
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

    /** The schema version the database is at (the highest migration applied). */
    public int schemaVersion() {
        return schemaVersion;
    }

    @Override
    public void close() {
        open = false;
        if (writePool != null) {
            synchronized (this) {
                leases.values().forEach(Database::closeQuietly); // back to the pool, which ends their sessions
                leases.clear();
            }
            readPool.close();
            writePool.close();
            return;
        }
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
