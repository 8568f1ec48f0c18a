package io.backroom.gateway.ap;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.GatewayFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decisions, optimistic concurrency, idempotency, authority and duties, over real HTTP. */
class DecisionsTest {
    private static final AtomicInteger SEQ = new AtomicInteger();

    @TempDir
    static Path dir;

    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = new GatewayFixture(dir);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    /** An invoice on hold for a price variance, entered by {@code enteredBy}; {@code qty} units at 5.40 vs 5.00. */
    private static Invoice held(String enteredBy, String qty) {
        Api intake = gw.as(enteredBy);
        String poId = "PO-D-" + SEQ.incrementAndGet();
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", po(poId, qty, "5.00")).status()).isEqualTo(201);
        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt(poId, 1, qty)).status()).isEqualTo(201);
        Api.Response r = intake.post("/api/v1/invoices", invoice("D-" + SEQ.incrementAndGet(), poId).line(1, qty, "5.40")
                .build());
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        Invoice inv = r.as(Invoice.class);
        assertThat(inv.openHoldCodes()).containsExactly(HoldCode.PRICE_VARIANCE);
        return inv;
    }

    private static Invoice held() {
        return held("integration", "10");
    }

    private static Api.Response decide(String user, Invoice inv, Map<String, Object> body, String... headers) {
        List<String> h = new ArrayList<>(List.of("If-Match", "\"" + inv.version() + "\""));
        h.addAll(List.of(headers));
        return gw.as(user).post("/api/v1/invoices/" + inv.id() + "/decisions", body, h.toArray(String[]::new));
    }

    @Test
    void releaseResolvesHoldsPostsAndRecordsWhoAndWhen() {
        Invoice inv = held();
        Api.Response r = decide("clerk", inv, Map.of("type", "RELEASE", "note", "supplier price list updated"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        DecisionResult result = r.as(DecisionResult.class);
        assertThat(result.decision().type()).isEqualTo(DecisionType.RELEASE);
        assertThat(result.decision().actor()).isEqualTo("U-CLERK");
        assertThat(result.decision().fromStatus()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(result.decision().postingId()).isNotNull();
        assertThat(result.invoice().status()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(result.invoice().posting().id()).isEqualTo(result.decision().postingId());
        assertThat(result.invoice().openHoldCodes()).isEmpty();
        assertThat(result.invoice().version()).isEqualTo(inv.version() + 1);
        assertThat(r.header("ETag")).isEqualTo("\"" + (inv.version() + 1) + "\"");
        assertThat(result.invoice().history()).extracting(e -> e.action()).contains("DECISION:RELEASE");
    }

    @Test
    void rejectNeedsAReason() {
        Invoice inv = held();
        Api.Response missing = decide("clerk", inv, Map.of("type", "REJECT"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.problemType()).isEqualTo("validation");
        assertThat(missing.json().path("errors").get(0).path("field").asText()).isEqualTo("reason");
        Api.Response ok = decide("clerk", inv, Map.of("type", "REJECT", "reason", "not our order"));
        assertThat(ok.as(DecisionResult.class).invoice().status()).isEqualTo(InvoiceStatus.REJECTED);
        assertThat(ok.as(DecisionResult.class).invoice().posting()).isNull();
    }

    @Test
    void requestCreditWaitsForACreditNote() {
        Invoice inv = held();
        Api.Response r = decide("clerk", inv, Map.of("type", "REQUEST_CREDIT"));
        assertThat(r.as(DecisionResult.class).invoice().status()).isEqualTo(InvoiceStatus.AWAITING_CREDIT);
        assertThat(r.as(DecisionResult.class).invoice().openHoldCodes()).containsExactly(HoldCode.PRICE_VARIANCE);
    }

    @Test
    void routeToBuyerNeedsAnExistingAssignee() {
        Invoice inv = held();
        assertThat(decide("clerk", inv, Map.of("type", "ROUTE_TO_BUYER")).status()).isEqualTo(400);
        Api.Response unknown = decide("clerk", inv, Map.of("type", "ROUTE_TO_BUYER", "assigneeUserId", "U-NOBODY"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asText()).contains("assigneeUserId").contains("U-NOBODY");
        Api.Response ok = decide("clerk", inv, Map.of("type", "ROUTE_TO_BUYER", "assigneeUserId", "U-BUYER"));
        Invoice routed = ok.as(DecisionResult.class).invoice();
        assertThat(routed.status()).isEqualTo(InvoiceStatus.ROUTED_TO_BUYER);
        assertThat(routed.assigneeUserId()).isEqualTo("U-BUYER");
    }

    @Test
    void manualHoldNeedsANoteAndAddsAManualHold() {
        Invoice inv = held();
        assertThat(decide("clerk", inv, Map.of("type", "HOLD")).status()).isEqualTo(400);
        Invoice after = decide("clerk", inv, Map.of("type", "HOLD", "note", "call the supplier"))
                .as(DecisionResult.class).invoice();
        assertThat(after.openHoldCodes()).containsExactlyInAnyOrder(HoldCode.PRICE_VARIANCE, HoldCode.MANUAL);
    }

    @Test
    void aStaleIfMatchIs412AndAMissingOneIs428() {
        Invoice inv = held();
        assertThat(decide("clerk", inv, Map.of("type", "REQUEST_CREDIT")).status()).isEqualTo(200);
        Api.Response stale = decide("clerk", inv, Map.of("type", "REJECT", "reason", "x"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemType()).isEqualTo("precondition-failed");
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        // the answer says which version the invoice has now, in the body and as ETag
        long now = gw.as("clerk").get("/api/v1/invoices/" + inv.id()).as(Invoice.class).version();
        assertThat(now).isEqualTo(inv.version() + 1);
        assertThat(stale.json().path("currentVersion").isIntegralNumber()).as(stale.body()).isTrue();
        assertThat(stale.json().path("currentVersion").asLong()).isEqualTo(now);
        assertThat(stale.header("ETag")).isEqualTo("\"" + now + "\"");
        Api.Response missing = gw.as("clerk").post("/api/v1/invoices/" + inv.id() + "/decisions",
                Map.of("type", "REJECT", "reason", "x"));
        assertThat(missing.status()).isEqualTo(428);
    }

    @Test
    void aDecidedInvoiceCannotBeDecidedAgain() {
        Invoice inv = held();
        Invoice released = decide("clerk", inv, Map.of("type", "RELEASE")).as(DecisionResult.class).invoice();
        Api.Response again = decide("clerk", released, Map.of("type", "REJECT", "reason", "late"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemType()).isEqualTo("invalid-transition");
    }

    @Test
    void replaysADecisionWithTheSameIdempotencyKeyWithoutASecondEffect() {
        Invoice inv = held();
        Api.Response first = decide("clerk", inv, Map.of("type", "HOLD", "note", "n"), "Idempotency-Key", "k-" + inv.id());
        Api.Response replay = decide("clerk", inv, Map.of("type", "HOLD", "note", "n"), "Idempotency-Key", "k-" + inv.id());
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.body()).isEqualTo(first.body());
        Invoice now = gw.as("clerk").get("/api/v1/invoices/" + inv.id()).as(Invoice.class);
        assertThat(now.version()).isEqualTo(inv.version() + 1);
        assertThat(now.holds()).filteredOn(h -> h.code() == HoldCode.MANUAL).hasSize(1);
        Api.Response other = decide("clerk", inv, Map.of("type", "HOLD", "note", "other"), "Idempotency-Key", "k-" + inv.id());
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.problemType()).isEqualTo("idempotency-key-reused");
    }

    @Test
    void aClerkCannotReleaseAboveTheirLimitButASupervisorCan() {
        Invoice big = held("integration", "2000");
        Api.Response refused = decide("clerk", big, Map.of("type", "RELEASE"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("forbidden");
        assertThat(refused.json().path("detail").asText()).contains("above your release limit of 10000.00 EUR")
                .contains("AP supervisor");
        assertThat(decide("supervisor", big, Map.of("type", "RELEASE")).status()).isEqualTo(200);
    }

    @Test
    void nobodyReleasesAnInvoiceTheyEnteredThemselves() {
        Invoice own = held("clerk", "10");
        Api.Response refused = decide("clerk", own, Map.of("type", "RELEASE"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).contains("You entered").contains("separation of duties");
        assertThat(decide("clerk2", own, Map.of("type", "RELEASE")).status()).isEqualTo(200);
    }

    @Test
    void onlyAccountsPayableDecides() {
        Invoice inv = held();
        Api.Response refused = decide("analyst", inv, Map.of("type", "RELEASE"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).contains("ap clerks").contains("analyst");
        assertThat(decide("admin", inv, Map.of("type", "RELEASE")).status()).isEqualTo(403);
    }

    @Test
    void twoClerksDecidingAtOnceExactlyOneWinsTheOtherGets412() throws Exception {
        for (int round = 0; round < 5; round++) {
            Invoice inv = held();
            gw.as("clerk");
            gw.as("clerk2");
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Api.Response> a = pool.submit(() -> {
                    go.await();
                    return decide("clerk", inv, Map.of("type", "REJECT", "reason", "a"));
                });
                Future<Api.Response> b = pool.submit(() -> {
                    go.await();
                    return decide("clerk2", inv, Map.of("type", "HOLD", "note", "b"));
                });
                go.countDown();
                List<Integer> statuses = List.of(a.get().status(), b.get().status());
                assertThat(statuses).containsExactlyInAnyOrder(200, 412);
                Api.Response loser = a.get().status() == 412 ? a.get() : b.get();
                assertThat(loser.json().path("currentVersion").asLong()).isEqualTo(inv.version() + 1);
                assertThat(loser.header("ETag")).isEqualTo("\"" + (inv.version() + 1) + "\"");
            } finally {
                pool.shutdown();
            }
            Invoice after = gw.as("clerk").get("/api/v1/invoices/" + inv.id()).as(Invoice.class);
            assertThat(after.version()).isEqualTo(inv.version() + 1);
        }
    }
}
