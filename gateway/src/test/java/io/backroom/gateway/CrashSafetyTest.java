package io.backroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.Docs;
import io.backroom.gateway.support.FixtureGatewayMain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway process is killed with SIGKILL in the middle of a burst of intake; after a restart every write it
 * acknowledged with 2xx is there exactly once, and retrying the unacknowledged ones with their idempotency keys
 * never doubles anything.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedIntakeSurvivesSigkillExactlyOnce() throws Exception {
        Path db = dir.resolve("crash.db");
        Process gateway = startChild(db, dir.resolve("port1"));
        String base = "http://127.0.0.1:" + waitForPort(dir.resolve("port1"), gateway);
        Api intake = Api.login(base, "integration");

        Map<String, String> acknowledged = new ConcurrentHashMap<>();
        Map<String, Map<String, Object>> sent = new ConcurrentHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                while (!stop.get()) {
                    String number = "CRASH-" + next.incrementAndGet();
                    Map<String, Object> body = Docs.invoice(number, "PO-NONE").line(1, "1", "1.00").build();
                    sent.put(number, body);
                    try {
                        Api.Response r = intake.post("/api/v1/invoices", body, "Idempotency-Key", "key-" + number);
                        if (r.status() == 201) {
                            acknowledged.put(number, r.json().path("id").asText());
                        }
                    } catch (UncheckedIOException | IllegalStateException e) {
                        return null; // the connection died with the gateway
                    }
                }
                return null;
            });
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < until || acknowledged.size() < 20) {
            Thread.sleep(20);
        }
        gateway.destroyForcibly(); // SIGKILL on Linux and macOS
        gateway.waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        pool.shutdown();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);

        Process restarted = startChild(db, dir.resolve("port2"));
        try {
            String base2 = "http://127.0.0.1:" + waitForPort(dir.resolve("port2"), restarted);
            Api after = Api.login(base2, "integration");
            for (Map.Entry<String, String> ack : acknowledged.entrySet()) {
                Api.Response r = after.get("/api/v1/invoices/" + ack.getValue());
                assertThat(r.status()).as("acknowledged %s", ack.getKey()).isEqualTo(200);
            }
            // retry everything that was sent with its key: acknowledged ones replay, lost ones are created once
            for (Map.Entry<String, Map<String, Object>> s : sent.entrySet()) {
                Api.Response r = after.post("/api/v1/invoices", s.getValue(), "Idempotency-Key", "key-" + s.getKey());
                assertThat(r.status()).isEqualTo(201);
                if (acknowledged.containsKey(s.getKey())) {
                    assertThat(r.header("Idempotent-Replayed")).isEqualTo("true");
                    assertThat(r.json().path("id").asText()).isEqualTo(acknowledged.get(s.getKey()));
                }
            }
            Map<String, Integer> perNumber = new HashMap<>();
            String cursor = null;
            do {
                JsonNode page = after.get("/api/v1/invoices?limit=500" + (cursor == null ? "" : "&cursor=" + cursor)).json();
                page.path("items").forEach(i -> perNumber.merge(i.path("invoiceNumber").asText(), 1, Integer::sum));
                cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            } while (cursor != null);
            assertThat(perNumber.keySet()).containsAll(sent.keySet());
            assertThat(perNumber.values()).allMatch(n -> n == 1);
        } finally {
            restarted.destroyForcibly();
            restarted.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Process startChild(Path db, Path portFile) throws IOException {
        return FixtureGatewayMain.start(FixtureGatewayMain.store(db), portFile);
    }

    private static int waitForPort(Path portFile, Process child) throws Exception {
        return FixtureGatewayMain.waitForPort(portFile, child);
    }
}
