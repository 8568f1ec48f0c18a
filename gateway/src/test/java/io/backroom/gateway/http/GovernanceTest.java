package io.backroom.gateway.http;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.backroom.api.AuditChain;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.NewAuditEvent;
import io.backroom.gateway.GatewayLimits;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.GatewayFixture;
import io.backroom.gateway.support.TestRetailer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules every route follows: auth, pagination, validation, limits, documents, policy, audit, feed, metrics. */
class GovernanceTest {
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

    private static Api clerk() {
        return gw.as("clerk");
    }

    @Test
    void signsInAndOutWithHashedTokens() {
        Api.Response bad = gw.anonymous().post("/api/v1/auth/token", Map.of("username", "clerk", "password", "nope"));
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.header("WWW-Authenticate")).startsWith("Bearer");
        Api session = Api.login(gw.base(), "clerk");
        JsonNode me = session.get("/api/v1/me").json();
        assertThat(me.path("user").path("username").asText()).isEqualTo("clerk");
        assertThat(me.path("user").path("releaseLimit").path("amount").asText()).isEqualTo("10000.00");
        assertThat(me.path("permissions").toString()).contains("invoice.release").doesNotContain("policy.write");
        assertThat(session.post("/api/v1/auth/logout", "").status()).isEqualTo(204);
        assertThat(session.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(gw.anonymous().get("/api/v1/invoices").status()).isEqualTo(401);
        assertThat(new Api(gw.base(), "forged").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void refusesAnInvoiceDetailsRequestWithoutIdsOrWithTooMany() {
        Api.Response none = clerk().get("/api/v1/invoice-details");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().path("detail").asText()).contains("ids is required");
        String many = String.join(",", java.util.stream.IntStream.range(0, 101).mapToObj(i -> "I" + i).toList());
        Api.Response tooMany = clerk().get("/api/v1/invoice-details?ids=" + many);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().path("detail").asText()).contains("at most 100", "101");
        assertThat(clerk().get("/api/v1/invoice-details?ids=NOPE").json().path("items").size()).isZero();
        assertThat(gw.anonymous().get("/api/v1/invoice-details?ids=NOPE").status()).isEqualTo(401);
    }

    @Test
    void servesTheContractItImplements() {
        Api.Response r = gw.anonymous().get("/api/v1/openapi.yaml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("openapi: 3.0.3").contains("/api/v1/invoices/{id}/decisions");
    }

    @Test
    void readsMasterDataPagedAndFiltered() {
        JsonNode page1 = clerk().get("/api/v1/users?limit=3").json();
        assertThat(page1.path("items")).hasSize(3);
        String cursor = page1.path("nextCursor").asText();
        Set<String> ids = new HashSet<>();
        page1.path("items").forEach(u -> ids.add(u.path("id").asText()));
        JsonNode rest = clerk().get("/api/v1/users?limit=100&cursor=" + cursor).json();
        rest.path("items").forEach(u -> assertThat(ids.add(u.path("id").asText())).isTrue());
        assertThat(ids).hasSize(10);
        assertThat(rest.path("nextCursor").isNull()).isTrue();
        assertThat(clerk().get("/api/v1/suppliers?blocked=true").json().path("items")).hasSize(1);
        assertThat(clerk().get("/api/v1/items?category=TOOLS").json().path("items").get(0).path("id").asText())
                .isEqualTo("ITEM-2");
        assertThat(clerk().get("/api/v1/stores/" + TestRetailer.STORE).json().path("city").asText()).isEqualTo("Lyon");
        assertThat(clerk().get("/api/v1/users?role=AP_CLERK").json().path("items")).hasSize(2);
        assertThat(clerk().get("/api/v1/users?role=WIZARD").status()).isEqualTo(400);
    }

    @Test
    void answersUnknownIdsWith404Problems() {
        for (String path : List.of("/api/v1/stores/X", "/api/v1/suppliers/X", "/api/v1/items/X", "/api/v1/users/X",
                "/api/v1/purchase-orders/X", "/api/v1/goods-receipts/X", "/api/v1/invoices/X",
                "/api/v1/invoices/X/document")) {
            Api.Response r = clerk().get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.problemType()).isEqualTo("not-found");
        }
    }

    @Test
    void rejectsMalformedJsonWrongTypesAndMissingFieldsNamingTheField() {
        Api.Response malformed = clerk().post("/api/v1/invoices", "{\"invoiceNumber\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemType()).isEqualTo("malformed-json");
        Api.Response wrongType = clerk().post("/api/v1/purchase-orders",
                "{\"id\":\"PO-T\",\"lines\":[{\"lineNo\":1,\"quantity\":\"lots\"}]}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.problemType()).isEqualTo("validation");
        assertThat(wrongType.json().path("errors").get(0).path("field").asText()).isEqualTo("lines[0].quantity");
        assertThat(wrongType.json().path("detail").asText()).contains("a number");
        Api.Response badDate = clerk().post("/api/v1/purchase-orders", "{\"id\":\"PO-T\",\"orderDate\":\"yesterday\"}");
        assertThat(badDate.json().path("errors").get(0).path("field").asText()).isEqualTo("orderDate");
        Api.Response missing = clerk().post("/api/v1/invoices", "{\"lines\":[]}");
        assertThat(missing.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        missing.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).contains("invoiceNumber", "supplierId", "invoiceDate", "dueDate", "currency", "lines",
                "taxAmount", "total");
        Api.Response unknownSupplier = clerk().post("/api/v1/invoices", invoice("X-1", "PO-X").set("supplierId", "NOPE")
                .line(1, "1", "1.00").build());
        assertThat(unknownSupplier.json().path("detail").asText()).contains("supplierId").contains("NOPE");
        Api.Response negative = clerk().post("/api/v1/invoices", invoice("X-2", "PO-X").line(1, "-1", "1.00").build());
        assertThat(negative.json().path("detail").asText()).contains("lines[0].quantity").contains("negative");
    }

    @Test
    void rejectsOversizedBodies() {
        String huge = "{\"invoiceNumber\":\"" + "x".repeat(1_100_000) + "\"}";
        Api.Response r = clerk().post("/api/v1/invoices", huge);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.problemType()).isEqualTo("payload-too-large");
    }

    @Test
    void refusesPageSizesAbove500AndForeignCursors() {
        assertThat(clerk().get("/api/v1/invoices?limit=501").status()).isEqualTo(400);
        assertThat(clerk().get("/api/v1/invoices?limit=0").status()).isEqualTo(400);
        assertThat(clerk().get("/api/v1/invoices?cursor=%25%25").status()).isEqualTo(400);
        assertThat(clerk().get("/api/v1/invoices?sort=colour").status()).isEqualTo(400);
        assertThat(clerk().get("/api/v1/invoices?minTotal=abc").status()).isEqualTo(400);
    }

    @Test
    void pagesThroughFilteredSortedInvoicesWithoutGapsOrRepeats() {
        Api intake = gw.as("integration");
        String poId = "PO-G-LIST";
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", po(poId, "1000", "1.00")).status()).isEqualTo(201);
        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt(poId, 1, 1000)).status()).isEqualTo(201);
        for (int i = 1; i <= 23; i++) {
            assertThat(intake.post("/api/v1/invoices", invoice("LIST-" + i, poId).line(1, Integer.toString(i % 7 + 1),
                    "1.00").build()).status()).isEqualTo(201);
        }
        List<String> seen = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        String cursor = "";
        do {
            JsonNode page = clerk().get("/api/v1/invoices?supplierId=" + TestRetailer.SUPPLIER
                    + "&status=MATCHED&sort=-total&limit=5" + (cursor.isEmpty() ? "" : "&cursor=" + cursor)).json();
            page.path("items").forEach(i -> {
                seen.add(i.path("id").asText());
                totals.add(Math.round(i.path("total").path("amount").asDouble() * 100));
            });
            cursor = page.path("nextCursor").isNull() ? "" : page.path("nextCursor").asText();
        } while (!cursor.isEmpty());
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        assertThat(totals).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        JsonNode ranged = clerk().get("/api/v1/invoices?minTotal=8.40&maxTotal=8.40").json();
        ranged.path("items").forEach(i -> assertThat(i.path("total").path("amount").asText()).isEqualTo("8.40"));
        assertThat(ranged.path("items").size()).isGreaterThan(0);
    }

    @Test
    void acceptsOnlyPdfDocumentsWithIfMatch() {
        Api intake = gw.as("integration");
        Invoice inv = intake.post("/api/v1/invoices", invoice("DOC-1", "PO-NONE").line(1, "1", "1.00").build())
                .as(Invoice.class);
        String path = "/api/v1/invoices/" + inv.id() + "/document";
        byte[] pdf = io.backroom.gateway.support.Docs.pdf("Invoice DOC-1");
        assertThat(intake.putBytes(path, pdf, "application/pdf").status()).isEqualTo(428);
        Api.Response png = intake.putBytes(path, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 0, 0, 0},
                "application/pdf", "If-Match", Long.toString(inv.version()));
        assertThat(png.status()).isEqualTo(415);
        assertThat(png.json().path("detail").asText()).contains("%PDF-");
        assertThat(intake.putBytes(path, pdf, "text/plain", "If-Match", Long.toString(inv.version())).status())
                .isEqualTo(415);
        Api.Response ok = intake.putBytes(path, pdf, "application/pdf", "If-Match", Long.toString(inv.version()));
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("ETag")).isEqualTo("\"" + (inv.version() + 1) + "\"");
        Api.Response staleUpload = intake.putBytes(path, pdf, "application/pdf", "If-Match", Long.toString(inv.version()));
        assertThat(staleUpload.status()).isEqualTo(412);
        assertThat(staleUpload.json().path("currentVersion").asLong()).isEqualTo(inv.version() + 1);
        assertThat(staleUpload.header("ETag")).isEqualTo("\"" + (inv.version() + 1) + "\"");
        Api.Response back = intake.get(path);
        assertThat(back.status()).isEqualTo(200);
        assertThat(back.body()).startsWith("%PDF-");
        assertThat(intake.get("/api/v1/invoices/" + inv.id()).json().path("hasDocument").asBoolean()).isTrue();
        byte[] tooBig = new byte[11 << 20];
        assertThat(intake.putBytes(path, tooBig, "application/pdf", "If-Match", "2").status()).isEqualTo(413);
    }

    @Test
    void onlyAdminsChangeTolerancesAndTheMostSpecificOverrideWins() {
        Api admin = gw.as("admin");
        JsonNode policy = admin.get("/api/v1/policies/tolerances").json();
        assertThat(policy.path("global").path("priceUpperPercent").asText()).isEqualTo("2");
        Map<String, Object> body = Map.of(
                "global", policy.path("global"),
                "categories", Map.of("TOOLS", Map.of("priceUpperPercent", "1")),
                "suppliers", Map.of("SUP-2", Map.of("priceUpperPercent", "10", "priceUpperAmount", "1000")));
        Api.Response refused = clerk().put("/api/v1/policies/tolerances", body, "If-Match", "0");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).contains("admins");
        Api.Response negative = admin.put("/api/v1/policies/tolerances", Map.of("global", Map.of("taxAmount", "-1")),
                "If-Match", "0");
        assertThat(negative.json().path("errors").get(0).path("field").asText()).isEqualTo("global.taxAmount");
        Api.Response stored = admin.put("/api/v1/policies/tolerances", body, "If-Match", "\"0\"");
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        assertThat(stored.json().path("version").asLong()).isEqualTo(1);
        Api.Response stalePolicy = admin.put("/api/v1/policies/tolerances", body, "If-Match", "0");
        assertThat(stalePolicy.status()).isEqualTo(412);
        assertThat(stalePolicy.json().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(stalePolicy.header("ETag")).isEqualTo("\"1\"");

        Api intake = gw.as("integration");
        Map<String, Object> toolsPo = new java.util.HashMap<>(po("PO-TOL-1", "10", "80.00"));
        toolsPo.put("lines", List.of(Map.of("lineNo", 1, "itemId", "ITEM-2", "quantity", 10,
                "unitPrice", Map.of("amount", "80.00", "currency", "EUR"))));
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", toolsPo).status()).isEqualTo(201);
        gw.as("dock").post("/api/v1/goods-receipts", receipt("PO-TOL-1", 1, 10));
        Invoice category = intake.post("/api/v1/invoices", invoice("TOL-1", "PO-TOL-1").line(1, "10", "81.20").build())
                .as(Invoice.class);
        assertThat(category.lines().get(0).match().breaches()).extracting(b -> b.source()).containsExactly("category:TOOLS");
        toolsPo.put("id", "PO-TOL-2");
        toolsPo.put("supplierId", "SUP-2");
        gw.as("purchasing").post("/api/v1/purchase-orders", toolsPo);
        gw.as("dock").post("/api/v1/goods-receipts", receipt("PO-TOL-2", 1, 10));
        Invoice supplier = intake.post("/api/v1/invoices", invoice("TOL-2", "PO-TOL-2").set("supplierId", "SUP-2")
                .line(1, "10", "84.00").build()).as(Invoice.class);
        assertThat(supplier.holds()).isEmpty();
        JsonNode events = clerk().get("/api/v1/events?limit=500").json();
        assertThat(events.toString()).contains("policy.updated");
    }

    @Test
    void verifiesAuditChainsOnReceipt() {
        String source = "console-test-1";
        List<NewAuditEvent> events = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= 3; i++) {
            NewAuditEvent e = AuditChain.seal(source, new NewAuditEvent(i, Instant.parse("2026-11-26T10:00:00Z")
                    .plusSeconds(i), "U-CLERK", "DECISION", "invoice", "INV-" + i, "{\"n\":" + i + "}", prev, null));
            events.add(e);
            prev = e.hash();
        }
        Api.Response ok = clerk().post("/api/v1/audit-events", Map.of("source", source, "events", events));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().path("accepted").asInt()).isEqualTo(3);
        Api.Response again = clerk().post("/api/v1/audit-events", Map.of("source", source, "events", events));
        assertThat(again.json().path("alreadyKnown").asInt()).isEqualTo(3);
        NewAuditEvent forged = new NewAuditEvent(4, Instant.now(), "U-CLERK", "DECISION", "invoice", "INV-4", "{}",
                prev, "0".repeat(64));
        Api.Response broken = clerk().post("/api/v1/audit-events", Map.of("source", source, "events", List.of(forged)));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.problemType()).isEqualTo("audit-chain-broken");
        assertThat(clerk().get("/api/v1/audit-events").status()).isEqualTo(403);
        assertThat(gw.as("supervisor").get("/api/v1/audit-events?source=" + source).json().path("items")).hasSize(3);
    }

    @Test
    void feedsChangesInOrderAndReportsApMetrics() {
        Api intake = gw.as("integration");
        JsonNode start = clerk().get("/api/v1/events?limit=500").json();
        String after = start.path("nextCursor").asText();
        while (true) {
            JsonNode more = clerk().get("/api/v1/events?limit=500&after=" + after).json();
            if (more.path("items").isEmpty()) {
                break;
            }
            after = more.path("nextCursor").asText();
        }
        Invoice inv = intake.post("/api/v1/invoices", invoice("FEED-1", "PO-NONE").line(1, "1", "1.00").build())
                .as(Invoice.class);
        JsonNode next = clerk().get("/api/v1/events?after=" + after).json();
        assertThat(next.path("items").get(0).path("resourceId").asText()).isEqualTo(inv.id());
        assertThat(next.path("items").get(0).path("type").asText()).isEqualTo("invoice.created");
        JsonNode metrics = clerk().get("/api/v1/metrics/ap").json();
        assertThat(metrics.path("openHolds").asLong()).isGreaterThan(0);
        assertThat(metrics.path("holdsByCode").toString()).contains("PO_INVALID");
        assertThat(metrics.path("aging")).hasSize(5);
        assertThat(metrics.path("touchlessRate").decimalValue()).isBetween(java.math.BigDecimal.ZERO,
                java.math.BigDecimal.ONE);
    }

    @Test
    void limitsTheRatePerTokenWithRetryAfter(@TempDir Path own) {
        try (GatewayFixture slow = new GatewayFixture(own, GatewayLimits.defaults().withRate(1, 3))) {
            Api api = Api.login(slow.base(), "clerk");
            int limited = 0;
            String retryAfter = null;
            for (int i = 0; i < 6; i++) {
                Api.Response r = api.get("/api/v1/me");
                if (r.status() == 429) {
                    limited++;
                    retryAfter = r.header("Retry-After");
                    assertThat(r.problemType()).isEqualTo("rate-limited");
                }
            }
            assertThat(limited).isGreaterThan(0);
            assertThat(Long.parseLong(retryAfter)).isBetween(1L, 5L);
        }
    }

    @Test
    void replaysIntakeWithTheSameKeyAndRefusesTheKeyForAnotherBody() {
        Api intake = gw.as("integration");
        Map<String, Object> body = invoice("IDEM-1", "PO-NONE").line(1, "1", "1.00").build();
        Api.Response first = intake.post("/api/v1/invoices", body, "Idempotency-Key", "idem-intake-1");
        Api.Response second = intake.post("/api/v1/invoices", body, "Idempotency-Key", "idem-intake-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json().path("id").asText()).isEqualTo(first.json().path("id").asText());
        JsonNode all = clerk().get("/api/v1/invoices?limit=500").json();
        int count = 0;
        for (JsonNode i : all.path("items")) {
            if (i.path("invoiceNumber").asText().equals("IDEM-1")) {
                count++;
            }
        }
        assertThat(count).isEqualTo(1);
        Map<String, Object> other = invoice("IDEM-2", "PO-NONE").line(1, "1", "1.00").build();
        assertThat(intake.post("/api/v1/invoices", other, "Idempotency-Key", "idem-intake-1").status()).isEqualTo(422);
    }
}
