package io.backroom.gateway.ap;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.GatewayFixture;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Intake answers with the invoice it has just written instead of reading it back; this holds that answer to what a
 * GET returns afterwards, byte for byte, for every shape of invoice: matched and posted, held with several holds on
 * several lines, with charges, with amounts written in exponent notation, without a PO.
 */
class IntakeResponseTest {
    @TempDir
    static Path dir;

    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = new GatewayFixture(dir);
        Api intake = gw.as("integration");
        assertThat(gw.as("purchasing").post("/api/v1/purchase-orders", po("PO-R-1", "10", "5.00", "4", "12.50", "1E+1", "2.5"))
                .status()).isEqualTo(201);
        assertThat(gw.as("dock").post("/api/v1/goods-receipts", receipt("PO-R-1", 1, 10, 2, 2, 3, 10)).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void thePostAnswerIsWhatAGetReturnsAfterwards() {
        List<Map<String, Object>> bodies = new ArrayList<>();
        bodies.add(invoice("R-CLEAN", "PO-R-1").line(1, "10", "5.00").build());
        bodies.add(invoice("R-HELD", "PO-R-1").line(1, "10", "5.40").line(2, "4", "12.50").line(3, "10", "2.5")
                .freight("80.00").build());
        bodies.add(invoice("R-EXP", "PO-R-1").line(3, "1E+1", "2.50E0").tax("5.0E0").total("3.00E+1").build());
        bodies.add(invoice("R-NOPO", null).line(1, "1", "1.00").build());
        bodies.add(invoice("R-BLOCKED", "PO-R-1").set("supplierId", "SUP-BLOCKED").line(1, "1", "5.00").build());
        Api intake = gw.as("integration");
        int held = 0;
        for (Map<String, Object> body : bodies) {
            Api.Response created = intake.post("/api/v1/invoices", body, "Idempotency-Key", "k-" + body.get("invoiceNumber"));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            String id = created.json().path("id").asText();
            Api.Response read = intake.get("/api/v1/invoices/" + id);
            assertThat(created.body()).as(id).isEqualTo(read.body());
            assertThat(created.header("ETag")).isEqualTo(read.header("ETag"));
            Api.Response replay = intake.post("/api/v1/invoices", body, "Idempotency-Key", "k-" + body.get("invoiceNumber"));
            assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.body()).isEqualTo(read.body());
            held += created.json().path("holds").size() > 1 ? 1 : 0;
        }
        assertThat(held).as("invoices with several holds, so their order is exercised").isPositive();
    }
}
