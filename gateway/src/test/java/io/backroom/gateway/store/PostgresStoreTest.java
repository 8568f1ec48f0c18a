package io.backroom.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.gateway.support.TestStores;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL write model: writers of one gateway, or of two sharing the database, run one at a time under the
 * database's writer lock, so read-then-write work keeps the single SQLite writer's guarantees; a failing write fails
 * alone; appends to an ordered stream become visible in key order.
 */
class PostgresStoreTest {
    StoreLocation.Postgres location;
    Database one;
    Database two;

    @BeforeEach
    void open() {
        Assumptions.assumeTrue(TestStores.postgres(), "PostgreSQL runs only");
        location = TestStores.freshSchema();
        // two Database objects on one schema stand for two gateways
        one = Database.open(location, Clock.systemUTC());
        two = Database.open(location, Clock.systemUTC());
        one.write(tx -> tx.update("CREATE TABLE counter (id INTEGER PRIMARY KEY, n BIGINT NOT NULL)"));
        one.write(tx -> tx.update("INSERT INTO counter VALUES (1, 0)"));
    }

    @AfterEach
    void close() {
        if (one != null) {
            one.close();
            two.close();
        }
    }

    @Test
    void migratesAFreshSchemaToTheLatestVersionOnceForTwoGateways() throws Exception {
        assertThat(one.schemaVersion()).isEqualTo(MigrationsTest.latestVersion());
        assertThat(two.schemaVersion()).isEqualTo(one.schemaVersion());
        long applied = one.read(tx -> tx.count("SELECT COUNT(*) FROM flyway_schema_history WHERE success"));
        assertThat(applied).isEqualTo(MigrationsTest.versions().size());
    }

    @Test
    void concurrentReadModifyWritesThroughTwoGatewaysLoseNoUpdate() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            Database db = i % 2 == 0 ? one : two;
            done.add(pool.submit(() -> {
                go.await();
                // a read, then a write computed from it: with concurrent READ COMMITTED writers updates would be lost
                return db.writeGrouped(tx -> {
                    long n = tx.count("SELECT n FROM counter WHERE id = 1");
                    return tx.update("UPDATE counter SET n = ? WHERE id = 1", n + 1);
                });
            }));
        }
        go.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        long n = one.read(tx -> tx.count("SELECT n FROM counter WHERE id = 1"));
        assertThat(n).isEqualTo(200);
    }

    @Test
    void aFailingWriteRollsBackAloneAndANestedWriteJoinsItsTransaction() {
        assertThatThrownBy(() -> one.write(tx -> {
            tx.update("UPDATE counter SET n = 99 WHERE id = 1");
            one.write(inner -> inner.update("INSERT INTO counter VALUES (2, 0)"));
            throw new IllegalStateException("refused after writing");
        })).isInstanceOf(IllegalStateException.class);
        long rows = one.read(tx -> tx.count("SELECT COUNT(*) FROM counter"));
        long n = one.read(tx -> tx.count("SELECT n FROM counter WHERE id = 1"));
        assertThat(rows).isEqualTo(1);
        assertThat(n).isZero();
        one.write(tx -> tx.update("UPDATE counter SET n = 5 WHERE id = 1"));
        long after = two.read(tx -> tx.count("SELECT n FROM counter WHERE id = 1"));
        assertThat(after).isEqualTo(5);
    }

    @Test
    void aLeaseIsHeldByOneGatewayAtATimeAndPassesToAnotherWhenItsHolderCloses() {
        assertThat(one.holdsLease("erp-outbox")).isTrue();
        assertThat(two.holdsLease("erp-outbox")).as("held by the other gateway").isFalse();
        assertThat(one.holdsLease("erp-outbox")).as("still held").isTrue();
        assertThat(two.holdsLease("another-job")).as("leases are independent").isTrue();
        one.close();
        one = Database.open(location, Clock.systemUTC()); // the first gateway is gone; a new one starts
        assertThat(two.holdsLease("erp-outbox")).as("taken over after the holder closed").isTrue();
        assertThat(one.holdsLease("erp-outbox")).isFalse();
    }

    @Test
    void aDuplicateKeyIsReportedByItsSqlState() {
        assertThatThrownBy(() -> one.write(tx -> tx.update("INSERT INTO counter VALUES (1, 1)")))
                .isInstanceOf(StoreException.class)
                .satisfies(e -> assertThat(one.dialect().isUniqueViolation((SQLException) e.getCause())).isTrue());
    }

    @Test
    void orderedAppendsOfConcurrentWritersBecomeVisibleInKeyOrder() throws Exception {
        one.write(tx -> tx.update("CREATE TABLE stream (seq BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
                + "writer TEXT NOT NULL)"));
        ExecutorService pool = Executors.newFixedThreadPool(9);
        AtomicInteger violations = new AtomicInteger();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        // a reader pages through the stream the way GET /events does, and checks it never skips a key
        Future<?> reader = pool.submit(() -> {
            long cursor = 0;
            while (!stop.get()) {
                long from = cursor;
                List<Long> seen = two.read(tx -> tx.query("SELECT seq FROM stream WHERE seq > ? ORDER BY seq",
                        rs -> rs.getLong(1), from));
                for (long s : seen) {
                    if (s != cursor + 1) {
                        violations.incrementAndGet();
                    }
                    cursor = s;
                }
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 8; w++) {
            Database db = w % 2 == 0 ? one : two;
            String name = "w" + w;
            writers.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    db.write(tx -> {
                        tx.appendInOrder("stream");
                        tx.update("INSERT INTO stream (writer) VALUES (?)", name);
                        // the transaction stays open a moment after taking its key, as a real write does
                        java.util.concurrent.locks.LockSupport.parkNanos(200_000);
                        return null;
                    });
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get(120, TimeUnit.SECONDS);
        }
        stop.set(true);
        reader.get(30, TimeUnit.SECONDS);
        pool.shutdown();
        long rows = one.read(tx -> tx.count("SELECT COUNT(*) FROM stream"));
        assertThat(rows).isEqualTo(320);
        assertThat(violations).as("keys seen out of order by the reader").hasValue(0);
    }
}
