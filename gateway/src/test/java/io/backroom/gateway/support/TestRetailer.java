package io.backroom.gateway.support;

import io.backroom.api.model.Item;
import io.backroom.api.model.Money;
import io.backroom.api.model.PaymentTerms;
import io.backroom.api.model.Role;
import io.backroom.api.model.Store;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.User;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.adapter.sandbox.MasterDataWriter;
import io.backroom.gateway.store.Database;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * A small retailer for tests, loaded the way a master-data sync would: users of every AP-relevant role (password
 * {@code pw-<username>}), two stores, an ordinary and a blocked supplier, items in two categories.
 */
public final class TestRetailer {
    public static final String SUPPLIER = "SUP-1";
    public static final String BLOCKED_SUPPLIER = "SUP-BLOCKED";
    public static final String STORE = "S-001";

    private TestRetailer() {
    }

    public static void load(Path dbFile) {
        try (Database db = Database.open(TestStores.of(dbFile), Clock.systemUTC())) {
            PasswordHasher fast = new PasswordHasher(1000);
            db.write(tx -> {
                MasterDataWriter w = new MasterDataWriter(tx);
                for (User u : users()) {
                    w.user(u, fast.hash(("pw-" + u.username()).toCharArray()));
                }
                w.store(new Store(STORE, "Lyon Centre", "R-1", "Lyon", "LARGE"));
                w.store(new Store("S-002", "Grenoble", "R-1", "Grenoble", "SMALL"));
                w.store(new Store("S-101", "Lille", "R-2", "Lille", "LARGE"));
                PaymentTerms terms = new PaymentTerms("2/10 NET 30", 30, new BigDecimal("2"), 10);
                w.supplier(new Supplier(SUPPLIER, "Acme Foods", "MERCHANDISE", "FR", "EUR", terms, new BigDecimal("20"),
                        "LOW", false));
                w.supplier(new Supplier("SUP-2", "Beta Tools", "MERCHANDISE", "DE", "EUR", terms, new BigDecimal("20"),
                        "MEDIUM", false));
                w.supplier(new Supplier(BLOCKED_SUPPLIER, "Shady Ltd", "MERCHANDISE", "GB", "EUR", terms,
                        new BigDecimal("20"), "HIGH", true));
                w.item(new Item("ITEM-1", "SKU-1", "Olive oil 1l", "GROCERY", "EA", Money.of("4.00", "EUR"), SUPPLIER));
                w.item(new Item("ITEM-2", "SKU-2", "Drill", "TOOLS", "EA", Money.of("80.00", "EUR"), SUPPLIER));
                return null;
            });
        }
    }

    static List<User> users() {
        return List.of(
                user("U-CLERK", "clerk", Role.AP_CLERK, Money.of("10000.00", "EUR")),
                user("U-CLERK2", "clerk2", Role.AP_CLERK, Money.of("10000.00", "EUR")),
                user("U-SUP", "supervisor", Role.AP_SUPERVISOR, null),
                user("U-ADMIN", "admin", Role.ADMIN, Money.zero("EUR")),
                user("U-LP", "analyst", Role.LP_ANALYST, Money.zero("EUR")),
                user("U-BUYER", "buyer", Role.REGIONAL_MANAGER, Money.zero("EUR")),
                user("U-INT", "integration", Role.INTEGRATION_ANALYST, Money.zero("EUR")),
                // separation of duties: one person orders, another receives, a third keys the invoice
                user("U-PURCH", "purchasing", Role.BUYER, Money.zero("EUR")),
                new User("U-DOCK", "dock", "dock (test)", "dock@example.test", List.of(Role.STORE_MANAGER), "R-1", STORE,
                        Money.zero("EUR"), Money.zero("EUR")),
                user("U-NORTH", "north", Role.REGIONAL_MANAGER, Money.zero("EUR"), "R-2"));
    }

    private static User user(String id, String username, Role role, Money releaseLimit) {
        return user(id, username, role, releaseLimit, "R-1");
    }

    private static User user(String id, String username, Role role, Money releaseLimit, String region) {
        return new User(id, username, username + " (test)", username + "@example.test", List.of(role), region, null,
                releaseLimit, Money.zero("EUR"));
    }
}
