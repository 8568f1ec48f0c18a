package io.backroom.gateway.erp;

import io.backroom.api.model.User;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.store.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Credentials of the sandbox's users, for sign-in. */
public final class SandboxErpUsers {
    private SandboxErpUsers() {
    }

    /** A user and their stored password hash ({@code null} when they cannot sign in). */
    public record Credentials(User user, PasswordHasher.Hashed password) {
    }

    public static Optional<Credentials> credentials(Sql tx, String username) throws SQLException {
        return tx.one("SELECT * FROM users WHERE username = ?", rs -> new Credentials(SandboxErp.user(rs),
                rs.getString("password_hash") == null ? null : new PasswordHasher.Hashed(rs.getString("password_hash"),
                        rs.getString("password_salt"), rs.getInt("password_iterations"))), username);
    }

    /** Maps a row holding the {@code users} columns. */
    public static User user(ResultSet rs) throws SQLException {
        return SandboxErp.user(rs);
    }
}
