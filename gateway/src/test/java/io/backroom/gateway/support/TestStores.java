package io.backroom.gateway.support;

import io.backroom.gateway.store.StoreLocation;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store the gateway tests run on, chosen by the system property {@value #PROPERTY} ({@code sqlite}, the default,
 * or {@code postgres}; surefire runs the suite once with each). On PostgreSQL every SQLite file a test names maps to a
 * schema of its own in a database created for this JVM, on the server at {@code BACKROOM_TEST_PG_URL} when that is
 * set (a URL of an existing database there, e.g. {@code jdbc:postgresql://127.0.0.1:5432/test}), otherwise on an
 * embedded PostgreSQL started for this JVM. The database is dropped when the JVM ends.
 */
public final class TestStores {
    public static final String PROPERTY = "backroom.test.store";
    public static final String PG_URL_VARIABLE = "BACKROOM_TEST_PG_URL";

    private static final Map<Path, StoreLocation> BY_FILE = new ConcurrentHashMap<>();
    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private static Server server;

    private TestStores() {
    }

    /** Whether this run tests PostgreSQL. */
    public static boolean postgres() {
        return "postgres".equals(System.getProperty(PROPERTY, "sqlite"));
    }

    /** The store a test uses for the SQLite file {@code file}: that file, or the same PostgreSQL schema every time. */
    public static StoreLocation of(Path file) {
        if (!postgres()) {
            return StoreLocation.sqlite(file);
        }
        return BY_FILE.computeIfAbsent(file.toAbsolutePath(), f -> freshSchema());
    }

    /** Whether {@link #of} was asked for {@code file} before (on SQLite: whether the file exists). */
    public static boolean exists(Path file) {
        return postgres() ? BY_FILE.containsKey(file.toAbsolutePath()) : java.nio.file.Files.exists(file);
    }

    /** A new, empty PostgreSQL schema (PostgreSQL runs only). */
    public static StoreLocation.Postgres freshSchema() {
        Server s = server();
        String schema = "s" + SCHEMAS.incrementAndGet();
        try (Connection c = DriverManager.getConnection(s.url, s.user, null); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test schema: " + e.getMessage(), e);
        }
        // the user goes into the URL, so that the URL alone reaches the schema (child gateways get only the URL)
        return (StoreLocation.Postgres) StoreLocation.postgres(s.url + "?currentSchema=" + schema
                + (s.user == null ? "" : "&user=" + s.user), null, null);
    }

    /** The test database of this JVM and the user to reach it. */
    private record Server(String url, String user) {
    }

    private static synchronized Server server() {
        if (server != null) {
            return server;
        }
        String given = System.getenv(PG_URL_VARIABLE);
        String admin;
        String user;
        String base;
        Runnable stop;
        if (given != null && !given.isBlank()) {
            admin = given;
            user = System.getenv().getOrDefault("BACKROOM_TEST_PG_USER", null);
            String plain = given.contains("?") ? given.substring(0, given.indexOf('?')) : given;
            base = plain.substring(0, plain.lastIndexOf('/') + 1);
            stop = () -> { };
        } else {
            if ("root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException("The embedded PostgreSQL cannot run as root (initdb refuses to): set "
                        + PG_URL_VARIABLE + " to a database on a PostgreSQL server, e.g. "
                        + "jdbc:postgresql://127.0.0.1:5432/test");
            }
            EmbeddedPostgres pg;
            try {
                pg = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
            }
            admin = pg.getJdbcUrl("postgres", "postgres");
            user = "postgres";
            base = admin.substring(0, admin.lastIndexOf('/') + 1);
            stop = () -> {
                try {
                    pg.close();
                } catch (IOException e) {
                    System.err.println("Stopping the embedded PostgreSQL failed: " + e.getMessage());
                }
            };
        }
        String name = "backroom_test_" + ProcessHandle.current().pid() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        execute(admin, user, "CREATE DATABASE " + name
                + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
        String adminUrl = admin;
        String adminUser = user;
        boolean shared = given != null && !given.isBlank();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (shared) {
                // other processes use that server: leave nothing behind
                execute(adminUrl, adminUser, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            stop.run(); // the embedded server's data directory goes with it
        }, "drop-test-database"));
        server = new Server(base + name, user);
        return server;
    }

    private static void execute(String url, String user, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, null); Statement st = c.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database: " + sql + " failed: " + e.getMessage(), e);
        }
    }
}
