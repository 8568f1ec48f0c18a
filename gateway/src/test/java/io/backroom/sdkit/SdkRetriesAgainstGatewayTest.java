package io.backroom.sdkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Supplier;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.BackroomIoException;
import io.backroom.sdk.GoodsReceiptListParams;
import io.backroom.sdk.RequestMetrics;
import io.backroom.sdk.RequestOptions;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries and concurrency against a real gateway, with the one fault a real gateway cannot make: a lost answer. */
class SdkRetriesAgainstGatewayTest {
    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    @TempDir
    Path dir;

    private static void order(BackroomClient clerk, String id) {
        clerk.purchaseOrders().create(new NewPurchaseOrder(id, "SUP-001", "S-001", "U-BUYER", DAY, null, "EUR",
                PurchaseOrderStatus.OPEN, List.of(new PurchaseOrderLine(1, "IT-001", "Comté", "dairy", BigDecimal.TEN, "EA",
                        Money.of("12.50", "EUR"))), null));
    }

    private static NewGoodsReceipt receipt(String id, String poId) {
        return new NewGoodsReceipt(id, poId, "S-001", DAY.plusDays(2), "DN-" + id, List.of(new GoodsReceiptLine(1, BigDecimal.TEN)));
    }

    @Test
    void aPostWhoseAnswerIsLostIsRetriedWithItsKeyAndAppliedOnce() throws Exception {
        List<RequestMetrics> attempts = new CopyOnWriteArrayList<>();
        try (SandboxGateway gateway = SandboxGateway.start(dir, Clock.systemUTC());
             ResponseDroppingProxy proxy = new ResponseDroppingProxy(gateway.server.port());
             BackroomClient clerk = gateway.client("clerk").baseUrl(proxy.baseUrl()).metricsListener(attempts::add).build()) {
            order(gateway.buyer(), "PO-1");
            attempts.clear();

            proxy.dropNextAnswer();
            GoodsReceipt receipt = clerk.goodsReceipts().create(receipt("GR-1", "PO-1"));

            assertThat(receipt.id()).isEqualTo("GR-1");
            assertThat(attempts).extracting(RequestMetrics::status).containsExactly(0, 201);
            assertThat(attempts.get(0).willRetry()).isTrue();
            assertThat(clerk.goodsReceipts().list(GoodsReceiptListParams.builder().purchaseOrderId("PO-1").build()).items())
                    .extracting(GoodsReceipt::id).containsExactly("GR-1");
        }
    }

    @Test
    void aLostAnswerWithRetriesSwitchedOffSurfacesAsAnIoError() throws Exception {
        try (SandboxGateway gateway = SandboxGateway.start(dir, Clock.systemUTC());
             ResponseDroppingProxy proxy = new ResponseDroppingProxy(gateway.server.port());
             BackroomClient clerk = gateway.client("clerk").baseUrl(proxy.baseUrl()).build()) {
            order(gateway.buyer(), "PO-1");
            proxy.dropNextAnswer();
            RequestOptions key = RequestOptions.builder().idempotencyKey("gr-1-attempt").maxRetries(0).build();
            assertThatThrownBy(() -> clerk.goodsReceipts().create(receipt("GR-1", "PO-1"), key))
                    .isInstanceOf(BackroomIoException.class);
            // the caller retries later with the same key: the gateway answers with what it did the first time
            GoodsReceipt again = clerk.goodsReceipts().create(receipt("GR-1", "PO-1"), key);
            assertThat(again.id()).isEqualTo("GR-1");
        }
    }

    @Test
    void oneClientServesManyThreadsAtOnce() throws Exception {
        try (SandboxGateway gateway = SandboxGateway.start(dir, Clock.systemUTC());
             BackroomClient clerk = gateway.client("clerk").build()) {
            List<CompletableFuture<Supplier>> calls = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                String id = i % 2 == 0 ? "SUP-001" : "SUP-002";
                calls.add(clerk.async(c -> c.suppliers().get(id)));
            }
            for (int i = 0; i < calls.size(); i++) {
                assertThat(calls.get(i).get().id()).isEqualTo(i % 2 == 0 ? "SUP-001" : "SUP-002");
            }
        }
    }
}
