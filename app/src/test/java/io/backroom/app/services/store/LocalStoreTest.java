package io.backroom.app.services.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalStoreTest {
    @TempDir
    Path dir;

    @Test
    void createsTheDatabaseInWalModeWithEveryMigration() {
        try (LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC())) {
            assertThat(store.journalMode()).isEqualToIgnoringCase("wal");
            assertThat(store.schemaVersion()).isEqualTo(Migrations.all().size());
        }
        assertThat(dir.resolve("console.db")).exists();
    }

    @Test
    void reopeningAppliesOnlyTheMigrationsItLacks() {
        List<Migration> first = List.of(new Migration(1, "a", List.of("CREATE TABLE a (x INTEGER)")));
        try (LocalStore store = LocalStore.open(dir.resolve("c.db"), Clock.systemUTC(), first)) {
            store.transaction(c -> c.createStatement().executeUpdate("INSERT INTO a VALUES (7)"));
        }
        List<Migration> second = new ArrayList<>(first);
        second.add(new Migration(2, "b", List.of("ALTER TABLE a ADD COLUMN y TEXT")));
        try (LocalStore store = LocalStore.open(dir.resolve("c.db"), Clock.systemUTC(), second)) {
            assertThat(store.schemaVersion()).isEqualTo(2);
            assertThat(count(store, "SELECT COUNT(*) FROM a WHERE y IS NULL")).isEqualTo(1);
            assertThat(count(store, "SELECT COUNT(*) FROM schema_version")).isEqualTo(2);
        }
    }

    @Test
    void refusesAStoreWrittenByANewerConsole() {
        List<Migration> two = List.of(new Migration(1, "a", List.of("CREATE TABLE a (x)")),
                new Migration(2, "b", List.of("CREATE TABLE b (x)")));
        LocalStore.open(dir.resolve("n.db"), Clock.systemUTC(), two).close();
        assertThatThrownBy(() -> LocalStore.open(dir.resolve("n.db"), Clock.systemUTC(), two.subList(0, 1)))
                .isInstanceOf(StoreException.class).hasMessageContaining("newer console");
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        try (LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC())) {
            assertThatThrownBy(() -> store.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("INSERT INTO setting(key, value) VALUES ('k', 'v')");
                    s.executeUpdate("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            })).isInstanceOf(StoreException.class).hasMessageContaining("no_such_table");
            assertThat(count(store, "SELECT COUNT(*) FROM setting")).isZero();
        }
    }

    @Test
    void theAuditTableRefusesUpdatesAndDeletes() {
        try (LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC())) {
            store.transaction(c -> c.createStatement().executeUpdate("INSERT INTO audit_entry(chain, seq, recorded_at, kind, "
                    + "actor, invoice_id, action, model_name, payload, prev_hash, hash) VALUES "
                    + "(1, 1, '2026-01-01T00:00:00Z', 'DECISION', 'u', 'i', 'RELEASE', NULL, '{}', 'p', 'h')"));
            assertThatThrownBy(() -> store.transaction(c -> c.createStatement().executeUpdate(
                    "UPDATE audit_entry SET actor = 'x'"))).hasMessageContaining("append-only");
            assertThatThrownBy(() -> store.transaction(c -> c.createStatement().executeUpdate(
                    "DELETE FROM audit_entry"))).hasMessageContaining("append-only");
        }
    }

    private static int count(LocalStore store, String sql) {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            } catch (SQLException e) {
                throw e;
            }
        });
    }
}
