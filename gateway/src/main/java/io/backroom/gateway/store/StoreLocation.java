package io.backroom.gateway.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the gateway keeps its data: a SQLite file (embedded) or a PostgreSQL database (shared by many gateways). */
public sealed interface StoreLocation {
    /** A SQLite database in {@code file} (created if missing). */
    static StoreLocation sqlite(Path file) {
        return new SqliteFile(file);
    }

    /** A PostgreSQL database at a {@code jdbc:postgresql:} URL; {@code user} and {@code password} may be null. */
    static StoreLocation postgres(String url, String user, String password) {
        return new Postgres(url, user, password);
    }

    /** What to name in a log: the file or the URL, never a password. */
    String describe();

    /** A SQLite file. */
    record SqliteFile(Path file) implements StoreLocation {
        public SqliteFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String describe() {
            return file.toString();
        }
    }

    /** A PostgreSQL database. {@link #toString()} leaves the password out. */
    record Postgres(String url, String user, String password) implements StoreLocation {
        public Postgres {
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("a PostgreSQL URL starts with jdbc:postgresql:, got '" + url + "'");
            }
        }

        @Override
        public String describe() {
            return url.replaceAll("(?i)(password=)[^&]*", "$1***") + (user == null ? "" : " as " + user);
        }

        @Override
        public String toString() {
            return "Postgres[" + describe() + "]";
        }
    }
}
