package io.backroom.gateway.support;

import io.backroom.gateway.GatewayConfig;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.GatewayServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A gateway over the {@link TestRetailer} in its own JVM, for fault tests: {@code <db file> <port file>}. Loads the
 * retailer only into a new database, writes its port to the port file once it listens, and runs until killed.
 */
public final class FixtureGatewayMain {
    private FixtureGatewayMain() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[0]);
        Path portFile = Path.of(args[1]);
        if (!Files.exists(db)) {
            TestRetailer.load(db);
        }
        GatewayServer server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, db, "none", Clock.systemUTC(),
                GatewayLimits.defaults().withRate(100_000, 100_000)));
        Path tmp = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(server.port()));
        Files.move(tmp, portFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.currentThread().join();
    }
}
