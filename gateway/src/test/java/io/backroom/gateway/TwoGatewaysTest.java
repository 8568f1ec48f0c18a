package io.backroom.gateway;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.api.model.Invoice;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.Docs;
import io.backroom.gateway.support.FixtureGatewayMain;
import io.backroom.gateway.support.TestStores;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scale-out shape: two gateway processes behind a load balancer, sharing one PostgreSQL database. A SIGKILL of one
 * of them in the middle of intake loses no acknowledged write and doubles nothing when its clients retry through the
 * other; twenty clerks deciding one invoice through both gateways at once: exactly one wins. PostgreSQL runs only
 * (two processes cannot share a SQLite gateway file).
 */
class TwoGatewaysTest {
    @TempDir
    Path dir;

    private final List<Process> children = new ArrayList<>();
    private String store;

    @BeforeEach
    void sharedDatabase() {
        Assumptions.assumeTrue(TestStores.postgres(), "two gateways share a PostgreSQL database only");
        store = FixtureGatewayMain.store(dir.resolve("shared.db"));
    }

    @AfterEach
    void stopChildren() throws InterruptedException {
        for (Process p : children) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private Process gateway(String name) throws Exception {
        Process p = FixtureGatewayMain.start(store, dir.resolve(name));
        children.add(p);
        return p;
    }

    private String base(String name, Process p) throws Exception {
        return "http://127.0.0.1:" + FixtureGatewayMain.waitForPort(dir.resolve(name), p);
    }

    @Test
    void sigkillOfOneGatewayDuringIntakeLosesAndDoublesNothingWhenClientsFailOverToTheOther() throws Exception {
        Process a = gateway("a");
        Process b = gateway("b");
        String baseA = base("a", a);
        String baseB = base("b", b);
        Api viaA = Api.login(baseA, "integration");
        Api viaB = Api.login(baseB, "integration");

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Map<String, Object>> sent = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int t = 0; t < 8; t++) {
            Api api = t % 2 == 0 ? viaA : viaB;
            pool.submit(() -> {
                while (!stop.get()) {
                    String number = "TWO-" + next.incrementAndGet();
                    Map<String, Object> body = Docs.invoice(number, "PO-NONE").line(1, "1", "1.00").build();
                    sent.put(number, body);
                    try {
                        Api.Response r = api.post("/api/v1/invoices", body, "Idempotency-Key", "key-" + number);
                        if (r.status() == 201) {
                            acknowledged.put(number, r.json().path("id").asText());
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        if (api == viaA) {
                            return null; // the connection died with gateway A
                        }
                        throw e;
                    }
                }
                return null;
            });
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < until || acknowledged.size() < 40) {
            Thread.sleep(20);
        }
        a.destroyForcibly(); // SIGKILL of gateway A while both take intake
        a.waitFor(10, TimeUnit.SECONDS);
        Thread.sleep(300); // gateway B keeps taking intake alone
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40);

        // every acknowledged invoice is there, seen through the surviving gateway
        for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
            assertThat(viaB.get("/api/v1/invoices/" + ack.getValue()).status()).as("acknowledged %s", ack.getKey())
                    .isEqualTo(200);
        }
        // the clients retry everything through gateway B with the same keys: replays, or created once
        for (Map.Entry<String, Map<String, Object>> s : sent.entrySet()) {
            Api.Response r = viaB.post("/api/v1/invoices", s.getValue(), "Idempotency-Key", "key-" + s.getKey());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            if (acknowledged.containsKey(s.getKey())) {
                assertThat(r.header("Idempotent-Replayed")).isEqualTo("true");
                assertThat(r.json().path("id").asText()).isEqualTo(acknowledged.get(s.getKey()));
            }
        }
        // gateway A comes back on the same database and sees exactly what B sees: each invoice once
        Process restarted = gateway("a2");
        Api again = Api.login(base("a2", restarted), "integration");
        Map<String, Integer> perNumber = new HashMap<>();
        String cursor = null;
        do {
            JsonNode page = again.get("/api/v1/invoices?limit=500" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(i -> perNumber.merge(i.path("invoiceNumber").asText(), 1, Integer::sum));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        assertThat(perNumber.keySet()).containsAll(sent.keySet());
        assertThat(perNumber.values()).allMatch(n -> n == 1);
    }

    @Test
    void twentyClerksDecidingOneInvoiceThroughTwoGatewaysExactlyOneWins() throws Exception {
        Process a = gateway("a");
        Process b = gateway("b");
        String baseA = base("a", a);
        String baseB = base("b", b);
        Api intake = Api.login(baseA, "integration");
        Api purchasing = Api.login(baseB, "purchasing"); // the buyer orders, the dock receives (separation of duties)
        Api dock = Api.login(baseA, "dock");
        List<Api> clerks = new ArrayList<>();
        for (String base : List.of(baseA, baseB)) {
            for (String user : List.of("clerk", "clerk2", "supervisor")) {
                clerks.add(Api.login(base, user));
            }
        }
        for (int round = 0; round < 3; round++) {
            String poId = "PO-TWO-" + round;
            assertThat(purchasing.post("/api/v1/purchase-orders", po(poId, "10", "5.00")).status()).isEqualTo(201);
            assertThat(dock.post("/api/v1/goods-receipts", receipt(poId, 1, "10")).status()).isEqualTo(201);
            Api.Response created = intake.post("/api/v1/invoices", invoice("TWO-D-" + round, poId).line(1, "10", "5.40")
                    .build());
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            Invoice inv = created.as(Invoice.class);

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(20);
            List<Future<Api.Response>> decisions = new ArrayList<>();
            try {
                for (int i = 0; i < 20; i++) {
                    Api clerk = clerks.get(i % clerks.size()); // alternates between the two gateways
                    Map<String, Object> body = i % 2 == 0 ? Map.of("type", "REJECT", "reason", "clerk " + i)
                            : Map.of("type", "HOLD", "note", "clerk " + i);
                    decisions.add(pool.submit(() -> {
                        go.await();
                        return clerk.post("/api/v1/invoices/" + inv.id() + "/decisions", body, "If-Match",
                                "\"" + inv.version() + "\"");
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Api.Response> f : decisions) {
                    Api.Response r = f.get(60, TimeUnit.SECONDS);
                    statuses.add(r.status());
                    if (r.status() == 412) {
                        assertThat(r.json().path("currentVersion").asLong()).isEqualTo(inv.version() + 1);
                    }
                }
                assertThat(statuses).as("round %d", round).containsOnly(200, 412);
                assertThat(statuses.stream().filter(s -> s == 200).count()).as("winners in round %d", round)
                        .isEqualTo(1);
            } finally {
                pool.shutdown();
            }
            for (String base : List.of(baseA, baseB)) {
                Invoice after = Api.login(base, "clerk").get("/api/v1/invoices/" + inv.id()).as(Invoice.class);
                assertThat(after.version()).isEqualTo(inv.version() + 1);
            }
            try (Database db = Database.open(TestStores.of(dir.resolve("shared.db")), Clock.systemUTC())) {
                long recorded = db.read(tx -> tx.count("SELECT COUNT(*) FROM decisions WHERE invoice_id = ?", inv.id()));
                assertThat(recorded).as("decisions recorded in round %d", round).isEqualTo(1);
            }
        }
    }
}
