package io.backroom.gateway.support;

import io.backroom.gateway.GatewayConfig;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.GatewayServer;
import io.backroom.gateway.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A gateway over the {@link TestRetailer} in its own JVM, for fault tests: {@code <store> <port file>}, the store being
 * a SQLite file or a {@code jdbc:postgresql:} URL. Loads the retailer only into a new SQLite file (a PostgreSQL
 * database is loaded by the test beforehand, see {@link #store}), writes its port to the port file once it listens,
 * and runs until killed.
 */
public final class FixtureGatewayMain {
    private FixtureGatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        StoreLocation store;
        if (args[0].startsWith("jdbc:postgresql:")) {
            store = StoreLocation.postgres(args[0], null, null);
        } else {
            Path db = Path.of(args[0]);
            if (!Files.exists(db)) {
                TestRetailer.load(db);
            }
            store = StoreLocation.sqlite(db);
        }
        Path portFile = Path.of(args[1]);
        GatewayServer server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, store, "none", Clock.systemUTC(),
                GatewayLimits.defaults().withRate(100_000, 100_000)));
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(server.port()));
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }

    /**
     * The first argument for a child gateway over the store the tests use for {@code db}: the file itself on SQLite,
     * or the URL of its PostgreSQL schema, loaded with the retailer here if it is new.
     */
    public static String store(Path db) {
        if (!TestStores.postgres()) {
            return db.toString();
        }
        if (!TestStores.exists(db)) {
            TestRetailer.load(db);
        }
        return ((StoreLocation.Postgres) TestStores.of(db)).url();
    }

    /** Starts a child gateway over {@code store} ({@link #store}) that writes its port to {@code portFile}. */
    public static Process start(String store, Path portFile) throws java.io.IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of(javaBin, "-Xmx256m", "-cp",
                System.getProperty("java.class.path"), FixtureGatewayMain.class.getName(), store, portFile.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new java.io.File(portFile + ".log")).start();
    }

    /** The port a child started by {@link #start} listens on, once it does (30 s at most). */
    public static int waitForPort(Path portFile, Process child) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(portFile)) {
                return Integer.parseInt(Files.readString(portFile).strip());
            }
            if (!child.isAlive()) {
                throw new IllegalStateException("gateway child died: " + Files.readString(Path.of(portFile + ".log")));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("gateway child did not start in 30 s");
    }
}
