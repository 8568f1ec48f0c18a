package io.backroom.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway runs the migrations, and takes over SQLite files the gateway's earlier hand-written runner migrated. */
class MigrationsTest {
    @TempDir
    Path dir;

    @Test
    void newSqliteFileGetsEverySchemaVersionFromFlyway() throws Exception {
        Path file = dir.resolve("new.db");
        try (Database db = Database.open(file, new SqliteDialect(), Clock.systemUTC())) {
            assertThat(db.schemaVersion()).isEqualTo(latestVersion());
            long invoices = db.read(tx -> tx.count("SELECT COUNT(*) FROM invoices"));
            assertThat(invoices).isZero();
        }
        assertThat(history(file)).contains("SQL " + latestVersion()).noneMatch(r -> r.startsWith("BASELINE"));
    }

    @Test
    void fileMigratedByTheOldRunnerIsBaselinedAndKeepsItsData() throws Exception {
        // legacy-v1.db was written by the hand-written runner (schema_migrations, no Flyway table), TestRetailer loaded
        Path file = dir.resolve("legacy.db");
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("legacy-v1.db.gz"))) {
            Files.copy(in, file);
        }
        try (Database db = Database.open(file, new SqliteDialect(), Clock.systemUTC())) {
            assertThat(db.schemaVersion()).isEqualTo(latestVersion());
            long users = db.read(tx -> tx.count("SELECT COUNT(*) FROM users"));
            assertThat(users).isEqualTo(7);
            db.write(tx -> tx.update("INSERT INTO stores (id, name) VALUES ('S-NEW', 'After the upgrade')"));
        }
        // the old versions are recorded as a baseline, later ones as applied scripts; a second open changes nothing
        assertThat(history(file)).first().asString().startsWith("BASELINE 1");
        try (Database again = Database.open(file, new SqliteDialect(), Clock.systemUTC())) {
            long added = again.read(tx -> tx.count("SELECT COUNT(*) FROM stores WHERE id = 'S-NEW'"));
            assertThat(added).isEqualTo(1);
        }
        // the baseline stands for V1; every later script was applied once
        assertThat(history(file)).hasSize(versions().size());
    }

    /** The highest {@code V<n>__} script on the class path. */
    static int latestVersion() throws Exception {
        return versions().stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /** The versions of the {@code V<n>__} scripts on the class path (they need not be consecutive). */
    static List<Integer> versions() throws Exception {
        java.net.URL url = Database.class.getResource("/io/backroom/gateway/db/");
        try (var files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).sorted().toList();
        }
    }

    private static List<String> history(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT type, version FROM flyway_schema_history WHERE success = 1 "
                        + "ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }
}
