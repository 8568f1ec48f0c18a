package io.backroom.gateway.erpsync;

import io.backroom.gateway.GatewayConfig;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.GatewayServer;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.TestRetailer;
import io.backroom.gateway.support.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** A gateway over {@link TestRetailer} whose sandbox ERP sits behind a {@link FaultyErp} switch, fast retries. */
final class FaultyGateway implements AutoCloseable {
    /** How long a request waits for the ERP before it is answered 503. */
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(2);
    final GatewayServer server;
    final FaultyErp erp;

    private FaultyGateway(GatewayServer server, FaultyErp erp) {
        this.server = server;
        this.erp = erp;
    }

    /** Starts over {@code dir/gateway.db}, loading the test retailer the first time. */
    static FaultyGateway start(Path dir, FaultyErp.Mode mode) {
        Path db = dir.resolve("gateway.db");
        if (!TestStores.exists(db)) {
            TestRetailer.load(db);
        }
        AtomicReference<FaultyErp> wrapped = new AtomicReference<>();
        GatewayServer server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, TestStores.of(db), "none",
                Clock.systemUTC(),
                GatewayLimits.defaults().withRate(10_000, 10_000)), sandbox -> {
                    FaultyErp f = new FaultyErp(sandbox);
                    wrapped.set(f);
                    return f;
                }, new OutboxSender.Backoff(Duration.ofMillis(20), Duration.ofMillis(200)), CALL_TIMEOUT);
        wrapped.get().set(mode);
        return new FaultyGateway(server, wrapped.get());
    }

    Api as(String username) {
        return Api.login(server.baseUrl(), username);
    }

    Api.Response health() {
        return new Api(server.baseUrl(), null).get("/api/v1/health");
    }

    static void eventually(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        erp.set(FaultyErp.Mode.UP);
        server.close();
    }
}
