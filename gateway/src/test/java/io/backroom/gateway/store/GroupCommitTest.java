package io.backroom.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit: requests queued meanwhile share one transaction, each in its own savepoint. */
class GroupCommitTest {
    @TempDir
    Path dir;

    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("g.db"), new SqliteDialect(), Clock.systemUTC());
        db.write(tx -> tx.update("CREATE TABLE t (k TEXT PRIMARY KEY, v TEXT)"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private long count() {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM t"));
    }

    @Test
    void queuedRequestsShareATransactionAndAFailingOneFailsAlone() throws Exception {
        CountDownLatch writerBusy = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(21);
        try {
            // the first request holds the group writer while twenty more queue up behind it
            Future<Integer> first = pool.submit(() -> db.writeGrouped(tx -> {
                writerBusy.countDown();
                java.util.concurrent.locks.LockSupport.parkNanos(300_000_000L);
                return tx.update("INSERT INTO t VALUES ('first', 'x')");
            }));
            writerBusy.await();
            List<Future<Object>> rest = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                rest.add(pool.submit(() -> db.writeGrouped(tx -> {
                    tx.update("INSERT INTO t VALUES (?, 'x')", "k" + n);
                    if (n == 7) {
                        throw new IllegalArgumentException("request 7 is refused after writing");
                    }
                    if (n == 11) {
                        tx.update("INSERT INTO t VALUES ('first', 'duplicate')"); // a constraint violation
                    }
                    return n == 3 ? null : "ok-" + n;
                })));
            }
            assertThat(first.get()).isEqualTo(1);
            for (int i = 0; i < 20; i++) {
                int n = i;
                Future<Object> f = rest.get(i);
                if (n == 7) {
                    assertThatThrownBy(f::get).hasCauseInstanceOf(IllegalArgumentException.class);
                } else if (n == 11) {
                    assertThatThrownBy(f::get).hasCauseInstanceOf(StoreException.class);
                } else {
                    assertThat(f.get()).isEqualTo(n == 3 ? null : "ok-" + n);
                }
            }
        } finally {
            pool.shutdown();
        }
        // everything but the two failed requests is there, and nothing of those two
        assertThat(count()).isEqualTo(1 + 18);
        long failedRows = db.read(tx -> tx.count("SELECT COUNT(*) FROM t WHERE k IN ('k7', 'k11')"));
        assertThat(failedRows).isZero();
        String firstValue = db.read(tx -> tx.one("SELECT v FROM t WHERE k = 'first'", rs -> rs.getString(1))).orElseThrow();
        assertThat(firstValue).isEqualTo("x");
        long[] stats = db.groupStats();
        assertThat(stats[1]).as("requests committed").isEqualTo(19);
        assertThat(stats[0]).as("group transactions").isLessThan(19).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aWriteInsideAGroupedWriteJoinsItsSavepoint() {
        String result = db.writeGrouped(tx -> {
            tx.update("INSERT INTO t VALUES ('outer', 'x')");
            return db.writeGrouped(inner -> {
                inner.update("INSERT INTO t VALUES ('inner', 'x')");
                return db.write(plain -> plain.update("INSERT INTO t VALUES ('plain', 'x')")) == 1 ? "all" : "?";
            });
        });
        assertThat(result).isEqualTo("all");
        assertThat(count()).isEqualTo(3);
        // and a request that fails after a nested write loses that write too: nothing was committed half-way
        assertThatThrownBy(() -> db.writeGrouped(tx -> {
            db.write(plain -> plain.update("INSERT INTO t VALUES ('nested', 'x')"));
            throw new IllegalStateException("refused");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count()).isEqualTo(3);
    }

    @Test
    void aClosedDatabaseRefusesGroupedWrites() {
        db.close();
        assertThatThrownBy(() -> db.writeGrouped(tx -> tx.update("INSERT INTO t VALUES ('late', 'x')")))
                .isInstanceOf(StoreException.class);
        db = Database.open(dir.resolve("g.db"), new SqliteDialect(), Clock.systemUTC());
        assertThat(count()).isZero();
    }
}
