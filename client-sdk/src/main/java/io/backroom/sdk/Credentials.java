package io.backroom.sdk;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * How the client signs in. Either a user name with a password supplier, from which the client
 * obtains a bearer token ({@code POST /api/v1/auth/token}) and refreshes it once when the gateway
 * answers 401; or a ready-made token, used as is.
 *
 * <p>The password is asked for only when a token is needed, copied into the token request and the
 * array the supplier returned is then zeroed: hand out a fresh copy each time. No method of this
 * type, including {@code toString()}, reveals a password or a token.
 */
public sealed interface Credentials permits Credentials.Password, Credentials.Token {

    /** Sign in as {@code username}; {@code password} is called each time a token must be obtained. */
    static Credentials password(String username, Supplier<char[]> password) {
        return new Password(username, password);
    }

    /** Use a bearer token obtained elsewhere. It is not refreshed. */
    static Credentials token(String token) {
        return new Token(token);
    }

    /** User name and password supplier. */
    final class Password implements Credentials {
        private final String username;
        private final Supplier<char[]> password;

        private Password(String username, Supplier<char[]> password) {
            if (Objects.requireNonNull(username, "username").isBlank()) {
                throw new IllegalArgumentException("username must not be blank");
            }
            this.username = username;
            this.password = Objects.requireNonNull(password, "password");
        }

        /** The user to sign in as. */
        public String username() {
            return username;
        }

        /** A fresh copy of the password; the caller zeroes it after use. */
        public char[] password() {
            char[] value = password.get();
            if (value == null) {
                throw new IllegalStateException("the password supplier of user '" + username + "' returned null");
            }
            return value;
        }

        @Override
        public String toString() {
            return "Credentials.Password[username=" + username + ", password=***]";
        }
    }

    /** A bearer token. */
    final class Token implements Credentials {
        private final String token;

        private Token(String token) {
            if (Objects.requireNonNull(token, "token").isBlank()) {
                throw new IllegalArgumentException("token must not be blank");
            }
            this.token = token;
        }

        /** The bearer token. */
        public String token() {
            return token;
        }

        @Override
        public String toString() {
            return "Credentials.Token[***]";
        }
    }
}
