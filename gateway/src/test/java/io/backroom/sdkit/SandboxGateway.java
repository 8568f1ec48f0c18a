package io.backroom.sdkit;

import io.backroom.api.model.Item;
import io.backroom.api.model.Money;
import io.backroom.api.model.PaymentTerms;
import io.backroom.api.model.Role;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.User;
import io.backroom.gateway.GatewayConfig;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.GatewayServer;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.adapter.sandbox.MasterDataWriter;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.support.TestStores;
import io.backroom.sdk.BackroomClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A real gateway on a free loopback port over a fresh SQLite file, with a small retailer loaded the
 * way a master-data sync would (users, a store, two suppliers, items). Users' passwords are
 * {@code "pw-" + username}.
 */
final class SandboxGateway implements AutoCloseable {
    static final String CURRENCY = "EUR";

    final GatewayServer server;
    final Path database;

    private SandboxGateway(GatewayServer server, Path database) {
        this.server = server;
        this.database = database;
    }

    static SandboxGateway start(Path dir, Clock clock) {
        return start(dir, clock, GatewayLimits.defaults());
    }

    static SandboxGateway start(Path dir, Clock clock, GatewayLimits limits) {
        Path file = dir.resolve("gateway.db");
        try (Database db = Database.open(TestStores.of(file), clock)) {
            PasswordHasher hasher = new PasswordHasher(1_000);
            db.write(tx -> {
                MasterDataWriter w = new MasterDataWriter(tx);
                for (User u : users()) {
                    w.user(u, hasher.hash(("pw-" + u.username()).toCharArray()));
                }
                w.store(new Store("S-001", "Lyon Part-Dieu", "R-FR-1", "Lyon", "L"));
                w.supplier(new Supplier("SUP-001", "Fromagerie Alpine", "food", "FR", CURRENCY,
                        new PaymentTerms("NET30", 30, BigDecimal.ZERO, 0), BigDecimal.ZERO, "low", false));
                w.supplier(new Supplier("SUP-002", "Blocked Goods SA", "nonfood", "FR", CURRENCY,
                        new PaymentTerms("NET30", 30, BigDecimal.ZERO, 0), BigDecimal.ZERO, "high", true));
                w.item(new Item("IT-001", "SKU-001", "Comté 18 months 1 kg", "dairy", "EA", Money.of("12.50", CURRENCY), "SUP-001"));
                w.item(new Item("IT-002", "SKU-002", "Reblochon 450 g", "dairy", "EA", Money.of("4.20", CURRENCY), "SUP-001"));
                return null;
            });
        }
        GatewayServer server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, TestStores.of(file), "none", clock,
                limits));
        return new SandboxGateway(server, file);
    }

    /** A gateway over an existing database file, loaded earlier by {@link #start}. */
    static SandboxGateway restart(Path file, Clock clock, GatewayLimits limits) {
        return new SandboxGateway(GatewayServer.start(new GatewayConfig("127.0.0.1", 0, TestStores.of(file), "none",
                clock, limits)), file);
    }

    private static List<User> users() {
        return List.of(
                new User("U-CLERK", "clerk", "AP clerk", null, List.of(Role.AP_CLERK), null, null,
                        Money.of("10000.00", CURRENCY), Money.zero(CURRENCY)),
                new User("U-SUP", "supervisor", "AP supervisor", null, List.of(Role.AP_SUPERVISOR), null, null,
                        Money.of("1000000.00", CURRENCY), Money.zero(CURRENCY)),
                new User("U-ADMIN", "admin", "Administrator", null, List.of(Role.ADMIN), null, null,
                        Money.zero(CURRENCY), Money.zero(CURRENCY)),
                // separation of duties: the buyer orders, the store receives, AP keys and releases
                new User("U-BUYER", "buyer", "Buyer", null, List.of(Role.BUYER), null, null, Money.zero(CURRENCY),
                        Money.zero(CURRENCY)),
                new User("U-DOCK", "dock", "Store receiving", null, List.of(Role.STORE_MANAGER), null, "S-001",
                        Money.zero(CURRENCY), Money.zero(CURRENCY)));
    }

    /** A client signed in as {@code username}, with fast retries. */
    BackroomClient.Builder client(String username) {
        return BackroomClient.builder().baseUrl(server.baseUrl())
                .credentials(username, () -> ("pw-" + username).toCharArray())
                .retryDelays(java.time.Duration.ofMillis(10), java.time.Duration.ofMillis(50));
    }

    private final java.util.Map<String, BackroomClient> duties = new java.util.concurrent.ConcurrentHashMap<>();

    /** The buyer, who raises purchase orders (separation of duties). */
    BackroomClient buyer() {
        return duties.computeIfAbsent("buyer", u -> client(u).build());
    }

    /** The store's receiving, who posts goods receipts (separation of duties). */
    BackroomClient dock() {
        return duties.computeIfAbsent("dock", u -> client(u).build());
    }

    @Override
    public void close() {
        duties.values().forEach(BackroomClient::close);
        server.close();
    }
}
