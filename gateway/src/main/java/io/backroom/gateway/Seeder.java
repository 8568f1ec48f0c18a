package io.backroom.gateway;

import io.backroom.api.model.Money;
import io.backroom.api.model.Role;
import io.backroom.api.model.User;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.erp.MasterDataWriter;
import io.backroom.gateway.store.Database;
import java.time.Clock;
import java.util.List;

/** Seeds a fresh database once, on first start: {@code demo} loads the demo retailer, {@code none} nothing. */
final class Seeder {
    private Seeder() {
    }

    static void seed(Database db, String seed, Clock clock) {
        if (!seed.equals("demo")) {
            return;
        }
        boolean empty = db.read(tx -> tx.count("SELECT COUNT(*) FROM users")) == 0;
        if (!empty) {
            return;
        }
        PasswordHasher hasher = new PasswordHasher();
        List<User> users = List.of(
                new User("U-CLERK", "clerk", "Demo AP clerk", null, List.of(Role.AP_CLERK), null, null,
                        Money.of("10000.00", "EUR"), Money.zero("EUR")),
                new User("U-SUPERVISOR", "supervisor", "Demo AP supervisor", null, List.of(Role.AP_SUPERVISOR), null,
                        null, null, Money.zero("EUR")),
                new User("U-ADMIN", "admin", "Demo administrator", null, List.of(Role.ADMIN), null, null,
                        Money.zero("EUR"), Money.zero("EUR")));
        db.write(tx -> {
            MasterDataWriter w = new MasterDataWriter(tx);
            for (User u : users) {
                w.user(u, hasher.hash("backroom".toCharArray()));
            }
            return null;
        });
    }
}
