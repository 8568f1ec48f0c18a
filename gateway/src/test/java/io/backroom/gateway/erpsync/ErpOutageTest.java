package io.backroom.gateway.erpsync;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.Health;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.gateway.GatewayServer;
import io.backroom.gateway.support.Api;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway with a real sandbox ERP behind a fault switch: intake and decisions never wait for the ERP, a posting
 * waits in the outbox while the ERP is down or stalled (health says so), and reaches the ERP exactly once when it
 * is back, even when acknowledgements are lost or the gateway restarts meanwhile.
 */
class ErpOutageTest {
    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Duration WRITE_BOUND = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private FaultyGateway gw;
    private GatewayServer server;
    private FaultyErp erp;

    private void start(FaultyErp.Mode mode) {
        gw = FaultyGateway.start(dir, mode);
        server = gw.server;
        erp = gw.erp;
    }

    @AfterEach
    void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    /** A clean invoice (posted at intake by the system) and a held one released by a clerk; returns both. */
    private Invoice[] intakeAndRelease() {
        Api intake = Api.login(server.baseUrl(), "integration");
        Api clerk = Api.login(server.baseUrl(), "clerk");
        String poId = "PO-OUT-" + SEQ.incrementAndGet();
        assertThat(Api.login(server.baseUrl(), "purchasing").post("/api/v1/purchase-orders", po(poId, "10", "5.00", "4", "2.00")).status()).isEqualTo(201);
        assertThat(Api.login(server.baseUrl(), "dock").post("/api/v1/goods-receipts", receipt(poId, 1, "10", 2, "4")).status()).isEqualTo(201);
        Api.Response clean = intake.post("/api/v1/invoices", invoice("OUT-" + SEQ.incrementAndGet(), poId)
                .line(1, "10", "5.00").build());
        assertThat(clean.status()).as(clean.body()).isEqualTo(201);
        Invoice matched = clean.as(Invoice.class);
        assertThat(matched.status()).isEqualTo(InvoiceStatus.MATCHED);
        Api.Response held = intake.post("/api/v1/invoices", invoice("OUT-" + SEQ.incrementAndGet(), poId)
                .line(2, "4", "2.40").build());
        assertThat(held.status()).as(held.body()).isEqualTo(201);
        Invoice onHold = held.as(Invoice.class);
        assertThat(onHold.status()).isEqualTo(InvoiceStatus.ON_HOLD);
        Api.Response r = clerk.post("/api/v1/invoices/" + onHold.id() + "/decisions", Map.of("type", "RELEASE"),
                "If-Match", "\"" + onHold.version() + "\"");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Invoice released = r.as(DecisionResult.class).invoice();
        assertThat(released.status()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(released.posting()).isNotNull();
        return new Invoice[] {matched, released};
    }

    private Health health() {
        return gw.health().as(Health.class);
    }

    private static void eventually(BooleanSupplier condition, String what) {
        FaultyGateway.eventually(condition, what);
    }

    @Test
    void intakeAndReleasesDoNotWaitForAStalledErpAndPostOnceWhenItAnswers() {
        start(FaultyErp.Mode.UP);
        long t0 = System.nanoTime();
        intakeAndRelease();
        long up = System.nanoTime() - t0;
        FaultyGateway.eventually(() -> health().erp().pendingMessages() == 0, "the first outbox is delivered");
        erp.set(FaultyErp.Mode.STALLED);
        long t1 = System.nanoTime();
        Invoice[] invoices = assertTimeoutPreemptively(WRITE_BOUND, this::intakeAndRelease,
                "writes waited for the stalled ERP");
        long stalledNanos = System.nanoTime() - t1;
        System.out.printf("[erp-outage] sign-ins + PO + receipt + 2 invoices + release: %d ms with the ERP up, %d ms "
                + "with it stalled%n", up / 1_000_000, stalledNanos / 1_000_000);
        eventually(() -> erp.stalledCalls.get() > 0, "the sender reached the stalled ERP");
        Health stalled = health();
        assertThat(stalled.erp().pendingMessages()).as("PO, receipt, two postings wait").isGreaterThanOrEqualTo(4);
        assertThat(stalled.erp().oldestPendingSince()).isNotNull();
        for (Invoice inv : invoices) {
            assertThat(erp.sandbox.postingCount(inv.id())).isZero();
        }

        erp.set(FaultyErp.Mode.UP);
        eventually(() -> health().erp().pendingMessages() == 0, "the outbox is delivered");
        for (Invoice inv : invoices) {
            assertThat(erp.sandbox.postingCount(inv.id())).isEqualTo(1);
            assertThat(erp.sandbox.posting(inv.id()).orElseThrow().id()).isEqualTo(inv.posting().id());
            assertThat(erp.sandbox.posting(inv.id()).orElseThrow().amount()).isEqualTo(inv.total());
        }
        assertThat(erp.sandbox.purchaseOrder(invoices[0].poReference())).isPresent();
        Health after = health();
        assertThat(after.status()).isEqualTo("UP");
        assertThat(after.erp().state()).isEqualTo("UP");
    }

    @Test
    void aDownErpShowsInHealthAndAPostingWhoseAcknowledgementIsLostIsAppliedOnce() {
        start(FaultyErp.Mode.DOWN);
        Invoice[] invoices = assertTimeoutPreemptively(WRITE_BOUND, this::intakeAndRelease,
                "writes waited for the ERP that is down");
        eventually(() -> "UNAVAILABLE".equals(health().erp().state()), "health shows the ERP unavailable");
        Health down = health();
        assertThat(down.status()).isEqualTo("DEGRADED");
        assertThat(down.erp().pendingMessages()).isGreaterThanOrEqualTo(4);

        // the ERP comes back but the answers to postings are lost: each is applied, then reported as a timeout
        erp.set(FaultyErp.Mode.LOSES_POSTING_ACKS);
        int before = erp.postCalls.get();
        eventually(() -> erp.postCalls.get() >= before + 3, "a posting was delivered three times");
        for (Invoice inv : invoices) {
            assertThat(erp.sandbox.postingCount(inv.id())).isLessThanOrEqualTo(1);
        }
        erp.set(FaultyErp.Mode.UP);
        eventually(() -> health().erp().pendingMessages() == 0, "the outbox is delivered");
        for (Invoice inv : invoices) {
            assertThat(erp.sandbox.postingCount(inv.id())).isEqualTo(1);
            assertThat(erp.sandbox.posting(inv.id()).orElseThrow().id()).isEqualTo(inv.posting().id());
        }
        assertThat(health().status()).isEqualTo("UP");
    }

    @Test
    void aPostingQueuedWhileTheErpIsDownSurvivesARestartAndIsPostedOnce() {
        start(FaultyErp.Mode.DOWN);
        Invoice[] invoices = intakeAndRelease();
        eventually(() -> "UNAVAILABLE".equals(health().erp().state()), "the sender met the ERP down");
        gw.close();
        gw = null;

        start(FaultyErp.Mode.UP);
        eventually(() -> health().erp().pendingMessages() == 0, "the outbox is delivered after the restart");
        for (Invoice inv : invoices) {
            assertThat(erp.sandbox.postingCount(inv.id())).isEqualTo(1);
            Api clerk = Api.login(server.baseUrl(), "clerk");
            assertThat(clerk.get("/api/v1/invoices/" + inv.id()).as(Invoice.class).posting().id())
                    .isEqualTo(erp.sandbox.posting(inv.id()).orElseThrow().id());
        }
    }

    @Test
    void aStalledErpCostsAMasterDataReadABoundedWaitAnd503WhileTheInvoiceListAnswersFromTheReadModel() {
        start(FaultyErp.Mode.UP);
        intakeAndRelease();
        Api clerk = Api.login(server.baseUrl(), "clerk");
        assertThat(clerk.get("/api/v1/suppliers").status()).isEqualTo(200);
        erp.set(FaultyErp.Mode.STALLED);
        Api.Response stalled = assertTimeoutPreemptively(FaultyGateway.CALL_TIMEOUT.multipliedBy(3),
                () -> clerk.get("/api/v1/suppliers"), "a master-data read waited for the stalled ERP");
        assertThat(stalled.status()).isEqualTo(503);
        assertThat(stalled.problemType()).endsWith("erp-unavailable");
        assertThat(stalled.header("Retry-After")).isNotNull();
        Api.Response list = assertTimeoutPreemptively(WRITE_BOUND, () -> clerk.get("/api/v1/invoices"));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().at("/items/0/supplierName").asText()).isEqualTo("Acme Foods");
        erp.set(FaultyErp.Mode.UP);
        assertThat(clerk.get("/api/v1/suppliers").status()).isEqualTo(200);
    }
}
