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
import io.backroom.gateway.adapter.sandbox.SandboxSchema;
import io.backroom.gateway.support.TestStores;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
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
    void gatewaySchemaAloneHasNoErpTablesAndTheSandboxAdapterAddsItsOwn() throws Exception {
        StoreLocation store = TestStores.of(dir.resolve("split.db"));
        try (Database db = Database.open(store, Clock.systemUTC())) {
            assertThat(db.hasTable("invoices")).isTrue();
            assertThat(db.hasTable("erp_outbox")).isTrue();
            for (String erp : SANDBOX_TABLES) {
                assertThat(db.hasTable(erp)).as(erp).isFalse();
            }
            assertThat(SandboxSchema.migrate(db)).isEqualTo(2);
            for (String erp : SANDBOX_TABLES) {
                assertThat(db.hasTable(erp)).as(erp).isTrue();
            }
            assertThat(SandboxSchema.migrate(db)).as("a second migration changes nothing").isEqualTo(2);
        }
        assertThat(history(store, "flyway_schema_history")).contains("SQL 1", "SQL 2", "SQL " + latestVersion())
                .noneMatch(r -> r.startsWith("BASELINE"));
        assertThat(history(store, "sandbox_erp_schema_history")).containsExactly("BASELINE 0", "SQL 1", "SQL 2");
    }

    @Test
    void databaseOfThePreSplitSchemaOpensKeepsItsDataAndGetsBothHistories() throws Exception {
        StoreLocation store = TestStores.of(dir.resolve("presplit.db"));
        // what today's main left: one Flyway history with V1__ap_slice.sql, V2 and V21, ERP tables among the gateway's
        Flyway presplit = flyway(store).locations("classpath:io/backroom/gateway/store/presplit").load();
        assertThat(presplit.migrate().migrationsExecuted).isEqualTo(3);
        try (Connection c = connect(store); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO stores (id, name) VALUES ('S-OLD', 'Before the split')");
            s.executeUpdate("INSERT INTO po_line_tax (po_id, line_no, tax_rate) VALUES ('PO-1', 1, '20')");
            s.executeUpdate("INSERT INTO tokens (token_hash, user_id, issued_at, expires_at) VALUES ('h', 'U-1', "
                    + "'2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z')");
        }
        List<String> before = checksums(store);
        for (int open = 0; open < 2; open++) {
            try (Database db = Database.open(store, Clock.systemUTC())) {
                assertThat(db.schemaVersion()).isEqualTo(latestVersion());
                assertThat(SandboxSchema.migrate(db)).isEqualTo(2);
                assertThat(count(db, "SELECT COUNT(*) FROM stores WHERE id = 'S-OLD'")).isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM po_line_tax")).isEqualTo(1);
                assertThat(count(db, "SELECT COUNT(*) FROM tokens")).isEqualTo(1);
            }
        }
        // the gateway history keeps its three rows, their checksums realigned to today's scripts (which validate)
        assertThat(history(store, "flyway_schema_history")).containsExactly("SQL 1", "SQL 2", "SQL 21");
        assertThat(checksums(store)).hasSize(3).isNotEqualTo(before).first().asString().endsWith("V1__gateway_core.sql");
        flyway(store).locations(Database.MIGRATIONS).load().validate();
        // the sandbox tables, all there already (po_line_tax included), are its version 2
        assertThat(history(store, "sandbox_erp_schema_history")).containsExactly("BASELINE 2");
    }

    @Test
    void changedChecksumOfAnotherHistoryStillStopsTheGateway() throws Exception {
        // the repair is for the pre-split history only: an edited script in today's history is refused as before
        StoreLocation store = TestStores.of(dir.resolve("edited.db"));
        try (Database db = Database.open(store, Clock.systemUTC())) {
            assertThat(db.schemaVersion()).isEqualTo(latestVersion());
        }
        try (Connection c = connect(store); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE flyway_schema_history SET checksum = 12345 WHERE version = '2'");
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(store, Clock.systemUTC()).close())
                .isInstanceOf(StoreException.class).hasMessageContaining("checksum");
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
        // the sandbox ERP's tables of V1 are there: its own history starts with a baseline at 1 and adds po_line_tax
        try (Database db = Database.open(file, new SqliteDialect(), Clock.systemUTC())) {
            assertThat(SandboxSchema.migrate(db)).isEqualTo(2);
            assertThat(count(db, "SELECT COUNT(*) FROM po_line_tax")).isZero();
            // the payables the old schema recorded only in the ERP's postings are the gateway's too, once
            long postings = db.read(tx -> tx.count("SELECT COUNT(*) FROM postings"));
            long taken = db.read(tx -> tx.count("SELECT COUNT(*) FROM ap_postings p WHERE EXISTS (SELECT 1 FROM "
                    + "postings e WHERE e.invoice_id = p.invoice_id AND e.amount = p.amount)"));
            assertThat(taken).isEqualTo(postings);
            assertThat(count(db, "SELECT COUNT(*) FROM ap_postings")).isEqualTo(postings);
        }
        assertThat(history(StoreLocation.sqlite(file), "sandbox_erp_schema_history"))
                .containsExactly("BASELINE 1", "SQL 2");
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

    private static long count(Database db, String sql) {
        return db.read(tx -> tx.count(sql));
    }

    private static final List<String> SANDBOX_TABLES = List.of("users", "stores", "suppliers", "items",
            "purchase_orders", "po_lines", "goods_receipts", "gr_lines", "postings", "po_line_tax");

    private static FluentConfiguration flyway(StoreLocation store) {
        SqlDialect dialect = store instanceof StoreLocation.SqliteFile ? new SqliteDialect() : new PostgresDialect();
        FluentConfiguration c = Flyway.configure().placeholders(dialect.placeholders());
        if (store instanceof StoreLocation.SqliteFile f) {
            return c.dataSource(new SqliteDialect().jdbcUrl(f.file()), null, null);
        }
        StoreLocation.Postgres pg = (StoreLocation.Postgres) store;
        return c.dataSource(pg.url(), pg.user(), pg.password());
    }

    private static Connection connect(StoreLocation store) throws Exception {
        if (store instanceof StoreLocation.SqliteFile f) {
            return DriverManager.getConnection("jdbc:sqlite:" + f.file());
        }
        StoreLocation.Postgres pg = (StoreLocation.Postgres) store;
        return DriverManager.getConnection(pg.url(), pg.user(), pg.password());
    }

    private static List<String> history(StoreLocation store, String table) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT type, version FROM " + table + " WHERE success = "
                        + (store instanceof StoreLocation.SqliteFile ? "1" : "true") + " ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return rows;
    }

    private static List<String> checksums(StoreLocation store) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(store); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum, script FROM flyway_schema_history "
                        + "ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
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
