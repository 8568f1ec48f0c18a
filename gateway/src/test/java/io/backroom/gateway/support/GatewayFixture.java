package io.backroom.gateway.support;

import io.backroom.gateway.GatewayConfig;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.GatewayServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A gateway over a fresh database loaded with {@link TestRetailer}, and signed-in clients per user. */
public final class GatewayFixture implements AutoCloseable {
    private final GatewayServer server;
    private final Map<String, Api> clients = new ConcurrentHashMap<>();

    public GatewayFixture(Path dir) {
        this(dir, GatewayLimits.defaults().withRate(10_000, 10_000));
    }

    public GatewayFixture(Path dir, GatewayLimits limits) {
        this(load(dir.resolve("gateway.db")), limits, true);
    }

    private GatewayFixture(Path db, GatewayLimits limits, boolean loaded) {
        server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, TestStores.of(db), "none", Clock.systemUTC(),
                limits));
    }

    private static Path load(Path db) {
        TestRetailer.load(db);
        return db;
    }

    /** A gateway over a database an earlier fixture loaded (and a test may have added to). */
    public static GatewayFixture over(Path db, GatewayLimits limits) {
        return new GatewayFixture(db, limits, true);
    }

    public String base() {
        return server.baseUrl();
    }

    /** A client signed in as {@code username}. */
    public Api as(String username) {
        return clients.computeIfAbsent(username, u -> Api.login(base(), u));
    }

    public Api anonymous() {
        return new Api(base(), null);
    }

    @Override
    public void close() {
        server.close();
    }
}
