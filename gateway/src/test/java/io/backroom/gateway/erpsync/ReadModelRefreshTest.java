package io.backroom.gateway.erpsync;

import static io.backroom.gateway.support.Docs.invoice;
import static io.backroom.gateway.support.Docs.po;
import static io.backroom.gateway.support.Docs.receipt;
import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.Supplier;
import io.backroom.gateway.GatewayServer;
import io.backroom.gateway.adapter.sandbox.MasterDataWriter;
import io.backroom.gateway.store.Database;
import io.backroom.gateway.support.Api;
import io.backroom.gateway.support.TestRetailer;
import io.backroom.gateway.support.TestStores;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read model follows the ERP: what the ERP learns by other ways than the gateway (a receipt booked at the dock
 * straight into the ERP, a supplier renamed in its master data) reaches the gateway's lists and match when the
 * read model is refreshed from the port, and not before.
 */
class ReadModelRefreshTest {
    @TempDir
    Path dir;

    private FaultyGateway gw;
    private GatewayServer server;
    private FaultyErp erp;

    private void start() {
        gw = FaultyGateway.start(dir, FaultyErp.Mode.UP);
        server = gw.server;
        erp = gw.erp;
    }

    @AfterEach
    void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    @Test
    void aReceiptBookedStraightIntoTheErpReleasesTheHeldInvoiceWhenThePurchaseOrderIsRefreshed() {
        start();
        Api intake = Api.login(server.baseUrl(), "integration");
        assertThat(Api.login(server.baseUrl(), "purchasing").post("/api/v1/purchase-orders", po("PO-RM-1", "10", "5.00")).status()).isEqualTo(201);
        assertThat(Api.login(server.baseUrl(), "dock").post("/api/v1/goods-receipts", receipt("PO-RM-1", 1, "6")).status()).isEqualTo(201);
        Api.Response r = intake.post("/api/v1/invoices", invoice("RM-1", "PO-RM-1").line(1, "10", "5.00").build());
        Invoice held = r.as(Invoice.class);
        assertThat(held.status()).as(r.body()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(held.openHoldCodes()).contains(HoldCode.QTY_OVER_RECEIPT);
        waitUntilDelivered();

        // the rest of the delivery is booked at the dock straight into the ERP
        erp.sandbox.putGoodsReceipt(new GoodsReceipt("GR-DOCK-1", "PO-RM-1", TestRetailer.STORE, LocalDate.of(2026, 11, 6),
                "DN-77", List.of(new GoodsReceiptLine(1, new BigDecimal("4"))), Instant.now()));
        Api clerk = Api.login(server.baseUrl(), "clerk");
        assertThat(clerk.get("/api/v1/invoices/" + held.id()).as(Invoice.class).status())
                .as("the gateway does not know the receipt before a refresh").isEqualTo(InvoiceStatus.ON_HOLD);

        assertThat(server.refresher().refreshPurchaseOrder("PO-RM-1")).isTrue();
        Invoice after = clerk.get("/api/v1/invoices/" + held.id()).as(Invoice.class);
        assertThat(after.status()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(after.posting()).isNotNull();
        assertThat(clerk.get("/api/v1/goods-receipts/GR-DOCK-1").status()).isEqualTo(200);
        assertThat(server.refresher().refreshPurchaseOrder("PO-RM-1")).as("a second refresh finds nothing new").isFalse();
    }

    @Test
    void aSupplierRenamedInTheErpIsNamedSoInTheInvoiceListAfterARefresh() {
        start();
        Api intake = Api.login(server.baseUrl(), "integration");
        assertThat(Api.login(server.baseUrl(), "purchasing").post("/api/v1/purchase-orders", po("PO-RM-2", "1", "5.00")).status()).isEqualTo(201);
        assertThat(intake.post("/api/v1/invoices", invoice("RM-2", "PO-RM-2").line(1, "1", "5.00").build()).status())
                .isEqualTo(201);
        Api clerk = Api.login(server.baseUrl(), "clerk");
        assertThat(clerk.get("/api/v1/invoices?supplierId=" + TestRetailer.SUPPLIER).json().at("/items/0/supplierName")
                .asText()).isEqualTo("Acme Foods");
        gw.close();
        gw = null;
        try (Database db = Database.open(TestStores.of(dir.resolve("gateway.db")), Clock.systemUTC())) {
            Supplier acme = new io.backroom.gateway.adapter.sandbox.SandboxErp(db).supplier(TestRetailer.SUPPLIER)
                    .orElseThrow();
            db.write(tx -> {
                new MasterDataWriter(tx).supplier(new Supplier(acme.id(), "Acme Foods Europe", acme.kind(),
                        acme.country(), acme.currency(), acme.paymentTerms(), acme.taxRate(), acme.risk(),
                        acme.blocked()));
                return null;
            });
        }
        start(); // the gateway refreshes its master data from the ERP when it starts
        clerk = Api.login(server.baseUrl(), "clerk");
        assertThat(clerk.get("/api/v1/invoices?supplierId=" + TestRetailer.SUPPLIER).json().at("/items/0/supplierName")
                .asText()).isEqualTo("Acme Foods Europe");
    }

    private void waitUntilDelivered() {
        FaultyGateway.eventually(() -> gw.health().json().at("/erp/pendingMessages").asLong() == 0,
                "the outbox is delivered");
    }

    @Test
    void aDatabaseWhoseOrdersAreOnlyInTheErpGetsThemIntoTheReadModelAtStartAndMatchesAgainstThem() {
        Path file = dir.resolve("gateway.db");
        TestRetailer.load(file);
        try (Database db = Database.open(TestStores.of(file), Clock.systemUTC())) {
            io.backroom.gateway.adapter.sandbox.SandboxErp sandbox = new io.backroom.gateway.adapter.sandbox.SandboxErp(db);
            sandbox.putPurchaseOrder(new io.backroom.api.model.PurchaseOrder("PO-OLD-1", TestRetailer.SUPPLIER,
                    TestRetailer.STORE, null, LocalDate.of(2026, 10, 1), null, "EUR",
                    io.backroom.api.model.PurchaseOrderStatus.OPEN, List.of(new io.backroom.api.model.PurchaseOrderLine(1,
                            "ITEM-1", "Olive oil 1l", "GROCERY", new BigDecimal("8"), "EA",
                            io.backroom.api.model.Money.of("5.00", "EUR"))),
                    io.backroom.api.model.Money.of("40.00", "EUR"), 1, Instant.parse("2026-10-01T08:00:00Z"), null));
            sandbox.putGoodsReceipt(new GoodsReceipt("GR-OLD-1", "PO-OLD-1", TestRetailer.STORE, LocalDate.of(2026, 10, 3),
                    null, List.of(new GoodsReceiptLine(1, new BigDecimal("8"))), Instant.parse("2026-10-03T08:00:00Z")));
        }
        start();
        Api intake = Api.login(server.baseUrl(), "integration");
        assertThat(intake.get("/api/v1/purchase-orders/PO-OLD-1").status()).isEqualTo(200);
        assertThat(intake.get("/api/v1/goods-receipts?purchaseOrderId=PO-OLD-1").json().at("/items/0/id").asText())
                .isEqualTo("GR-OLD-1");
        Api.Response r = intake.post("/api/v1/invoices", invoice("OLD-1", "PO-OLD-1").line(1, "8", "5.00").build());
        assertThat(r.as(Invoice.class).status()).as(r.body()).isEqualTo(InvoiceStatus.MATCHED);
    }
}
