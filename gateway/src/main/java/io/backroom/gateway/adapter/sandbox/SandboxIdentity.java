package io.backroom.gateway.adapter.sandbox;

import io.backroom.api.model.Page;
import io.backroom.api.model.User;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.auth.PendingPasswords;
import io.backroom.gateway.core.erp.ErpUnavailableException;
import io.backroom.gateway.core.erp.ListQuery;
import io.backroom.gateway.core.identity.IdentityPort;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.store.StoreException;
import java.util.Optional;

/**
 * The sandbox's users as the gateway's identity provider: PBKDF2 password hashes in the sandbox's {@code users}
 * table, and the demo passwords still waiting to be hashed ({@link PendingPasswords}) accepted meanwhile.
 */
public final class SandboxIdentity implements IdentityPort {
    private final Database db;
    private final PendingPasswords pending;

    public SandboxIdentity(Database db, PendingPasswords pending) {
        this.db = db;
        this.pending = pending;
    }

    /** A stored hash of a random password at the production cost, verified when there is no hash to verify. */
    private static final class Decoy {
        static final PasswordHasher.Hashed HASH = new PasswordHasher().hash(java.util.UUID.randomUUID().toString()
                .toCharArray());
    }

    /** A user and their stored password hash ({@code null} when they cannot sign in with a hash yet). */
    private record Credentials(User user, PasswordHasher.Hashed password) {
    }

    @Override
    public Optional<User> authenticate(String username, char[] password) {
        Optional<Credentials> found = read(tx -> tx.one("SELECT * FROM users WHERE username = ?",
                rs -> new Credentials(SandboxErp.user(rs), rs.getString("password_hash") == null ? null
                        : new PasswordHasher.Hashed(rs.getString("password_hash"), rs.getString("password_salt"),
                                rs.getInt("password_iterations"))), username));
        boolean ok;
        if (found.isPresent() && found.get().password() != null) {
            ok = PasswordHasher.verify(password, found.get().password());
        } else {
            // the same key derivation as a stored password, whose answer is ignored: an unknown user name (or a demo
            // password not hashed yet) costs as much as a known one, so timing does not tell them apart
            PasswordHasher.verify(password, Decoy.HASH);
            ok = found.isPresent() && pending.matches(username, password);
        }
        return ok ? Optional.of(found.get().user()) : Optional.empty();
    }

    @Override
    public Optional<User> user(String id) {
        return read(tx -> tx.one("SELECT * FROM users WHERE id = ?", SandboxErp::user, id));
    }

    @Override
    public Page<User> users(ListQuery q) {
        return read(tx -> {
            Where w = new Where(q);
            w.eq("region_id", q.filter("regionId"));
            if (q.filter("role") != null) {
                w.clause("(',' || roles || ',') LIKE ? ESCAPE '\\'", "%," + Where.escapeLike(q.filter("role")) + ",%");
            }
            w.text(q.filter("q"), "id", "username", "display_name");
            return w.page(tx, "users", SandboxErp::user, User::id);
        });
    }

    private <T> T read(Database.Work<T> work) {
        try {
            return db.read(work);
        } catch (StoreException e) {
            throw new ErpUnavailableException("The sandbox's users could not be read: " + e.getMessage(), e);
        }
    }
}
