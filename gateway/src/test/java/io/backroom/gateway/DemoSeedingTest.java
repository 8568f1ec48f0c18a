package io.backroom.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.TestStores;
import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.io.SampleDataset;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.Role;
import io.backroom.sampledata.model.User;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's embedded mode: a fresh database seeded from the committed demo set. Master data and users are there
 * when start returns; the documents, then the supplier PDFs, load in the background and resume after a restart.
 */
class DemoSeedingTest {
    @TempDir
    Path dir;

    @Test
    void startsFastSignsInDemoUsersAndLoadsTheDemoDocumentsInTheBackground() throws InterruptedException {
        SampleDataset demo = SampleDataset.demo();
        User clerk = demo.readAll(DataFiles.USERS).stream().filter(u -> u.roles().contains(Role.AP_CLERK)).findFirst()
                .orElseThrow();
        Path db = dir.resolve("embedded.db");
        long atClose;
        long t0 = System.nanoTime();
        try (GatewayServer server = GatewayServer.start(demo(db))) {
            // the console's embedded sandbox (SQLite) must open quickly; a shared PostgreSQL database is seeded once,
            // by its first gateway, with a round trip per master-data row (about 20 s on this loaded build machine)
            long budgetMs = TestStores.postgres() ? 60_000 : 8000;
            assertThat((System.nanoTime() - t0) / 1_000_000).as("first start ms").isLessThan(budgetMs);
            Api api = signIn(server, clerk);
            assertThat(api.get("/api/v1/suppliers?limit=500").json().path("items").size()).isGreaterThan(100);
            atClose = waitForInvoicesAbove(api, 0);
        }
        try (GatewayServer again = GatewayServer.start(demo(db))) {
            Api api = signIn(again, clerk);
            assertThat(waitForInvoicesAbove(api, atClose)).as("seeding resumed after the restart").isGreaterThan(atClose);
            assertThat(api.get("/api/v1/users?limit=500").json().path("items").size())
                    .as("users are seeded once").isEqualTo(demo.readAll(DataFiles.USERS).size() + 1);
            // after the documents, the same background thread attaches the supplier PDFs (DemoPdfSeedingTest)
            Invoice withPdf = demo.readAll(DataFiles.INVOICES).stream().filter(i -> i.pdfFile() != null).findFirst()
                    .orElseThrow();
            assertThat(waitForDocument(api, withPdf.id())).as("committed PDF of " + withPdf.id())
                    .isEqualTo(demo.readPdf(withPdf.pdfFile()));
        }
    }

    /** The embedded console's gateway (demo retailer, free loopback port) on the store under test. */
    private static GatewayConfig demo(Path db) {
        return new GatewayConfig("127.0.0.1", 0, TestStores.of(db), "demo", java.time.Clock.systemUTC());
    }

    private static byte[] waitForDocument(Api api, String invoiceId) throws InterruptedException {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            java.net.http.HttpResponse<byte[]> r = api.getBytes("/api/v1/invoices/" + invoiceId + "/document");
            if (r.statusCode() == 200) {
                return r.body();
            }
            Thread.sleep(250);
        }
        return new byte[0];
    }

    private static Api signIn(GatewayServer server, User user) {
        Api.Response token = new Api(server.baseUrl(), null).post("/api/v1/auth/token",
                Map.of("username", user.username(), "password", user.demoPassword()));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return new Api(server.baseUrl(), token.json().path("accessToken").asText());
    }

    private static long waitForInvoicesAbove(Api api, long floor) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        long count = 0;
        while (System.nanoTime() < deadline) {
            count = api.get("/api/v1/metrics/ap").json().path("invoices").asLong();
            if (count > floor) {
                return count;
            }
            Thread.sleep(100);
        }
        return count;
    }
}
