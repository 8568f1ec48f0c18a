package io.backroom.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.gateway.GatewayConfig;
import io.backroom.gateway.GatewayServer;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.TestRetailer;
import io.backroom.gateway.support.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token stops working when it expires or is signed out, even right after it was used (and so remembered). */
class TokenLifetimeTest {
    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-26T09:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @Test
    void anExpiredTokenIsRefusedAtOnce() {
        MovableClock clock = new MovableClock();
        Path db = dir.resolve("gw.db");
        TestRetailer.load(db);
        try (GatewayServer server = GatewayServer.start(new GatewayConfig("127.0.0.1", 0, TestStores.of(db), "none", clock))) {
            Api clerk = Api.login(server.baseUrl(), "clerk");
            assertThat(clerk.get("/api/v1/me").status()).isEqualTo(200);
            clock.advance(Duration.ofHours(8).minusSeconds(1));
            assertThat(clerk.get("/api/v1/me").status()).isEqualTo(200);
            clock.advance(Duration.ofSeconds(2));
            Api.Response expired = clerk.get("/api/v1/me");
            assertThat(expired.status()).isEqualTo(401);
            assertThat(expired.problemType()).isEqualTo("unauthorized");
            assertThat(Api.login(server.baseUrl(), "clerk").get("/api/v1/me").status()).isEqualTo(200);
        }
    }
}
