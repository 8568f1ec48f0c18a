package io.backroom.sdk;

import static io.backroom.sdk.MockGateway.json;
import static io.backroom.sdk.MockGateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.AuditBatch;
import io.backroom.api.model.AuditBatchResult;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.Page;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Role;
import io.backroom.api.model.Store;
import io.backroom.api.model.TolerancePolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each service method sends the contract's method, path, query and headers, and reads the answer's record. */
class ServiceRoutesTest {
    private final MockGateway gateway = new MockGateway();
    private final BackroomClient client = gateway.client().token("t").build();

    @AfterEach
    void stop() {
        client.close();
        gateway.close();
    }

    private RecordedRequest call(MockResponse.Builder answer, Consumer<BackroomClient> call) {
        gateway.enqueue(answer);
        call.accept(client);
        RecordedRequest request = gateway.take();
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer t");
        return request;
    }

    private static MockResponse.Builder emptyPage() {
        return ok(new Page<>(List.of(), null));
    }

    @Test
    void readsMasterData() {
        Store store = new Store("S-1", "Main", "R-1", "Lyon", "L");
        gateway.enqueue(ok(store));
        assertThat(client.stores().get("S-1")).isEqualTo(store);
        assertThat(gateway.take().getTarget()).isEqualTo("/api/v1/stores/S-1");

        assertThat(call(emptyPage(), c -> c.stores().list(StoreListParams.builder().regionId("R-1").q("ly").build())).getTarget())
                .isEqualTo("/api/v1/stores?regionId=R-1&q=ly");
        assertThat(call(emptyPage(), c -> c.suppliers().list(SupplierListParams.builder().blocked(true).country("FR").build())).getTarget())
                .isEqualTo("/api/v1/suppliers?blocked=true&country=FR");
        assertThat(call(emptyPage(), c -> c.items().list(ItemListParams.builder().category("dairy").supplierId("SUP-1").limit(10).build())).getTarget())
                .isEqualTo("/api/v1/items?category=dairy&supplierId=SUP-1&limit=10");
        assertThat(call(emptyPage(), c -> c.users().list(UserListParams.builder().role(Role.values()[0]).build())).getTarget())
                .isEqualTo("/api/v1/users?role=" + Role.values()[0].name());
        assertThat(call(emptyPage(), c -> c.purchaseOrders().list(PurchaseOrderListParams.builder().status(PurchaseOrderStatus.values()[0]).build())).getTarget())
                .isEqualTo("/api/v1/purchase-orders?status=" + PurchaseOrderStatus.values()[0].name());
        assertThat(call(emptyPage(), c -> c.goodsReceipts().list(GoodsReceiptListParams.builder().purchaseOrderId("PO 1/2").build())).getTarget())
                .isEqualTo("/api/v1/goods-receipts?purchaseOrderId=PO%201%2F2");
        assertThat(call(emptyPage(), c -> c.audit().list(AuditEventListParams.builder().actor("ana").build())).getTarget())
                .isEqualTo("/api/v1/audit-events?actor=ana");
    }

    @Test
    void everyMasterDataCollectionIsReadThroughTheOneGenericShape() {
        java.util.Map<String, ReadableResource<?, ?>> collections = new java.util.LinkedHashMap<>();
        collections.put("stores", client.stores());
        collections.put("suppliers", client.suppliers());
        collections.put("items", client.items());
        collections.put("users", client.users());
        collections.put("purchase-orders", client.purchaseOrders());
        collections.put("goods-receipts", client.goodsReceipts());
        collections.forEach((path, resource) -> {
            gateway.enqueue(ok(java.util.Map.of("id", "X-1")));
            try {
                resource.get("X-1");
            } catch (BackroomException e) {
                // the body is not a complete record of every type; only the route matters here
            }
            assertThat(gateway.take().getTarget()).isEqualTo("/api/v1/" + path + "/X-1");
        });
        CreatableResource<?, ?> orders = client.purchaseOrders();
        assertThat(orders.asyncExecutor()).isSameAs(client.stores().asyncExecutor());
    }

    @Test
    void escapesIdsInPaths() {
        assertThat(call(ok(new Store("a/b", "n", "r", "c", "S")), c -> c.stores().get("a/b")).getTarget())
                .isEqualTo("/api/v1/stores/a%2Fb");
    }

    @Test
    void postsNewRecordsWithAnIdempotencyKey() {
        NewPurchaseOrder order = new NewPurchaseOrder("PO-1", "SUP-1", "S-1", "U-1", LocalDate.of(2026, 11, 1), null, "EUR",
                PurchaseOrderStatus.values()[0], List.of(), null);
        RecordedRequest po = call(json(201, Map.of("id", "PO-1")), c -> c.purchaseOrders().create(order));
        assertThat(po.getMethod()).isEqualTo("POST");
        assertThat(po.getTarget()).isEqualTo("/api/v1/purchase-orders");
        assertThat(po.getHeaders().get("Idempotency-Key")).isNotBlank();
        assertThat(po.getBody().utf8()).contains("\"id\":\"PO-1\"").contains("\"orderDate\":\"2026-11-01\"");

        NewGoodsReceipt receipt = new NewGoodsReceipt("GR-1", "PO-1", "S-1", LocalDate.of(2026, 11, 3), "DN-7", List.of());
        RecordedRequest gr = call(json(201, Map.of("id", "GR-1")), c -> c.goodsReceipts().create(receipt));
        assertThat(gr.getTarget()).isEqualTo("/api/v1/goods-receipts");
        assertThat(gr.getHeaders().get("Idempotency-Key")).isNotBlank();

        NewInvoice invoice = new NewInvoice("INV-1", InvoiceKind.INVOICE, "N-1", "SUP-1", "PO-1", "S-1", LocalDate.of(2026, 11, 4),
                LocalDate.of(2026, 11, 5), LocalDate.of(2026, 12, 4), "EUR", List.of(), List.of(), Money.of("0.00", "EUR"),
                Money.of("1234.50", "EUR"), null);
        RecordedRequest inv = call(json(201, Map.of("id", "INV-1")), c -> c.invoices().create(invoice));
        assertThat(inv.getTarget()).isEqualTo("/api/v1/invoices");
        assertThat(inv.getBody().utf8()).contains("\"total\":{\"amount\":\"1234.50\",\"currency\":\"EUR\"}");

        AuditBatch batch = new AuditBatch("console-1", List.of());
        AuditBatchResult result = new AuditBatchResult("console-1", 0, 0, 0, "0".repeat(64));
        gateway.enqueue(ok(result));
        assertThat(client.audit().append(batch)).isEqualTo(result);
        RecordedRequest audit = gateway.take();
        assertThat(audit.getTarget()).isEqualTo("/api/v1/audit-events");
        assertThat(audit.getHeaders().get("Idempotency-Key")).isNotBlank();
    }

    @Test
    void replacesThePolicyOnlyIfItIsStillTheVersionRead() {
        TolerancePolicy policy = new TolerancePolicy(null, Map.of(), Map.of(), 9, MockGateway.NOW, "admin");
        gateway.enqueue(ok(policy));
        assertThat(client.policies().tolerances()).isEqualTo(policy);
        assertThat(gateway.take().getTarget()).isEqualTo("/api/v1/policies/tolerances");
        RecordedRequest put = call(ok(policy), c -> c.policies().updateTolerances(policy));
        assertThat(put.getMethod()).isEqualTo("PUT");
        assertThat(put.getHeaders().get("If-Match")).isEqualTo("\"9\"");
    }

    @Test
    void readsMetricsMeAndSignsOut() {
        assertThat(call(ok(Map.of("invoices", 3, "touchlessRate", new BigDecimal("0.75"))), c ->
                assertThat(c.metrics().accountsPayable().touchlessRate()).isEqualByComparingTo("0.75")).getTarget())
                .isEqualTo("/api/v1/metrics/ap");
        assertThat(call(ok(Map.of("permissions", List.of("x"))), BackroomClient::me).getTarget()).isEqualTo("/api/v1/me");
        RecordedRequest logout = call(new MockResponse.Builder().code(204), c -> c.auth().logout());
        assertThat(logout.getMethod()).isEqualTo("POST");
        assertThat(logout.getTarget()).isEqualTo("/api/v1/auth/logout");
    }

    @Test
    void offersEveryReadAsAFuture() throws Exception {
        Store store = new Store("S-1", "Main", "R-1", "Lyon", "L");
        gateway.enqueue(ok(store)).enqueue(emptyPage()).enqueue(MockGateway.problem(404, "not-found", "no such store"));
        assertThat(client.stores().getAsync("S-1").get()).isEqualTo(store);
        assertThat(client.stores().listAsync(StoreListParams.builder().build()).get().items()).isEmpty();
        assertThat(client.stores().getAsync("S-9")).failsWithin(java.time.Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class).withCauseInstanceOf(NotFoundException.class);
        assertThat(client.stores().asyncExecutor()).isSameAs(client.invoices().asyncExecutor());
    }
}
