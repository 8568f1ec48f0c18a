package io.backroom.sdkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.ApiVersion;
import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionResult;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewInvoiceLine;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Store;
import io.backroom.api.model.TolerancePolicy;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.BadRequestException;
import io.backroom.sdk.ForbiddenException;
import io.backroom.sdk.InvoiceListParams;
import io.backroom.sdk.NotFoundException;
import io.backroom.sdk.Page;
import io.backroom.sdk.PreconditionFailedException;
import io.backroom.sdk.RequestOptions;
import io.backroom.sdk.StoreListParams;
import io.backroom.sdk.UnauthorizedException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against a real gateway on loopback: sign-in, intake, the match, the triage list, decisions. */
class SdkApFlowTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    private SandboxGateway gateway;
    private BackroomClient clerk;
    private BackroomClient supervisor;

    @BeforeEach
    void start() {
        gateway = SandboxGateway.start(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        clerk = gateway.client("clerk").build();
        supervisor = gateway.client("supervisor").build();
    }

    @AfterEach
    void stop() {
        clerk.close();
        supervisor.close();
        gateway.close();
    }

    private static Money eur(String amount) {
        return Money.of(amount, SandboxGateway.CURRENCY);
    }

    private PurchaseOrder order(String id) {
        return gateway.buyer().purchaseOrders().create(new NewPurchaseOrder(id, "SUP-001", "S-001", "U-BUYER", TODAY.minusDays(10),
                TODAY.minusDays(3), "EUR", PurchaseOrderStatus.OPEN,
                List.of(new PurchaseOrderLine(1, "IT-001", "Comté", "dairy", new BigDecimal("10"), "EA", eur("12.50"))), null));
    }

    private GoodsReceipt receive(String id, String poId) {
        return gateway.dock().goodsReceipts().create(new NewGoodsReceipt(id, poId, "S-001", TODAY.minusDays(2), "DN-" + id,
                List.of(new GoodsReceiptLine(1, new BigDecimal("10")))));
    }

    private Invoice invoice(String id, String poId, String unitPrice) {
        BigDecimal net = new BigDecimal(unitPrice).multiply(BigDecimal.TEN).setScale(2);
        return clerk.invoices().create(new NewInvoice(id, InvoiceKind.INVOICE, "N-" + id, "SUP-001", poId, "S-001",
                TODAY.minusDays(1), TODAY, TODAY.plusDays(29), "EUR",
                List.of(new NewInvoiceLine(1, 1, "IT-001", "Comté", new BigDecimal("10"), "EA", eur(unitPrice), BigDecimal.ZERO,
                        Money.of(net, "EUR"))),
                List.of(), eur("0.00"), Money.of(net, "EUR"), null));
    }

    @Test
    void signsInAndReadsWhoItIs() {
        assertThat(clerk.me().user().username()).isEqualTo("clerk");
        assertThat(clerk.me().permissions()).contains("invoice.release");
        assertThat(clerk.health().apiVersion()).isEqualTo(ApiVersion.CURRENT);
    }

    @Test
    void rejectsAWrongPassword() {
        try (BackroomClient intruder = gateway.client("clerk").credentials("clerk", "guess"::toCharArray).build()) {
            assertThatThrownBy(intruder::me).isInstanceOf(UnauthorizedException.class);
        }
    }

    @Test
    void signsInAgainAfterTheTokenIsRevoked() {
        clerk.me();
        clerk.auth().logout();
        assertThat(clerk.me().user().username()).isEqualTo("clerk");
    }

    @Test
    void readsManyFullInvoicesInOneRequestLeavingOutUnknownIds() {
        order("PO-1");
        receive("GR-1", "PO-1");
        invoice("INV-1", "PO-1", "12.50");
        invoice("INV-2", "PO-1", "13.75");

        List<Invoice> both = clerk.invoices().getMany(List.of("INV-2", "NO-SUCH", "INV-1", "INV-2"));

        assertThat(both).extracting(Invoice::id).containsExactly("INV-2", "INV-1");
        assertThat(both.get(0).lines()).singleElement().satisfies(l -> assertThat(l.match()).isNotNull());
        assertThat(both.get(0)).isEqualTo(clerk.invoices().get("INV-2"));
        assertThat(clerk.invoices().getMany(List.of())).isEmpty();
        List<String> tooMany = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "INV-" + i).toList();
        assertThatThrownBy(() -> clerk.invoices().getMany(tooMany)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 100");
    }

    @Test
    void matchesAnInvoiceAndHoldsOneOverTolerance() {
        order("PO-1");
        receive("GR-1", "PO-1");
        Invoice matched = invoice("INV-1", "PO-1", "12.50");
        assertThat(matched.status()).isEqualTo(InvoiceStatus.MATCHED);
        assertThat(matched.total().amount()).isEqualByComparingTo("125.00");

        order("PO-2");
        receive("GR-2", "PO-2");
        Invoice held = invoice("INV-2", "PO-2", "13.75");
        assertThat(held.status()).isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(held.openHoldCodes()).contains(HoldCode.PRICE_VARIANCE);

        assertThat(clerk.invoices().get("INV-2")).isEqualTo(held);
        List<String> heldIds = clerk.invoices().list(InvoiceListParams.builder().statuses(InvoiceStatus.ON_HOLD).build())
                .autoPager().stream().map(InvoiceSummary::id).toList();
        assertThat(heldIds).containsExactly("INV-2");
    }

    @Test
    void releasesAHeldInvoiceWithItsVersionAndRefusesAStaleOne() {
        order("PO-1");
        receive("GR-1", "PO-1");
        Invoice held = invoice("INV-1", "PO-1", "13.75");
        DecisionRequest release = new DecisionRequest(DecisionType.RELEASE, null, "price agreed by phone", null);

        assertThatThrownBy(() -> clerk.invoices().decide("INV-1", held.version(), release))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("another person");
        assertThatThrownBy(() -> supervisor.invoices().decide("INV-1", held.version() + 7, release))
                .isInstanceOf(PreconditionFailedException.class);

        DecisionResult result = supervisor.invoices().decide("INV-1", held.version(), release);
        assertThat(result.invoice().status()).isEqualTo(InvoiceStatus.RELEASED);
        assertThat(result.invoice().version()).isGreaterThan(held.version());
    }

    @Test
    void aStaleDecisionCarriesTheVersionTheOtherDecisionLeft() {
        order("PO-1");
        receive("GR-1", "PO-1");
        Invoice held = invoice("INV-1", "PO-1", "13.75");
        // the clerk puts a manual hold on it first; the supervisor still holds the version they loaded
        clerk.invoices().decide("INV-1", held.version(), new DecisionRequest(DecisionType.HOLD, null,
                "call the supplier", null));
        long now = clerk.invoices().get("INV-1").version();
        assertThat(now).isGreaterThan(held.version());
        DecisionRequest release = new DecisionRequest(DecisionType.RELEASE, null, "price agreed by phone", null);
        assertThatThrownBy(() -> supervisor.invoices().decide("INV-1", held.version(), release))
                .isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                    assertThat(e.currentVersion()).contains(Long.toString(now));
                    assertThat(e.problem().extension("currentVersion")).contains(Long.toString(now));
                    assertThat(e.header("ETag")).contains("\"" + now + "\"");
                });
        assertThat(supervisor.invoices().decide("INV-1", now, release).invoice().status())
                .isEqualTo(InvoiceStatus.RELEASED);
    }

    @Test
    void replaysAPostWithTheSameIdempotencyKeyWithoutASecondEffect() {
        order("PO-1");
        RequestOptions once = RequestOptions.builder().idempotencyKey("gr-PO-1-first").build();
        NewGoodsReceipt receipt = new NewGoodsReceipt("GR-1", "PO-1", "S-001", TODAY, "DN-1",
                List.of(new GoodsReceiptLine(1, new BigDecimal("4"))));
        GoodsReceipt first = gateway.dock().goodsReceipts().create(receipt, once);
        GoodsReceipt again = gateway.dock().goodsReceipts().create(receipt, once);
        assertThat(again).isEqualTo(first);
        assertThat(clerk.goodsReceipts().list(io.backroom.sdk.GoodsReceiptListParams.builder().purchaseOrderId("PO-1").build())
                .items()).hasSize(1);
    }

    @Test
    void pagesThroughTheTriageListInOrder() {
        for (int i = 1; i <= 7; i++) {
            order("PO-" + i);
            receive("GR-" + i, "PO-" + i);
            invoice("INV-" + i, "PO-" + i, i % 2 == 0 ? "14.00" : "12.50");
        }
        Page<InvoiceSummary> first = clerk.invoices().list(InvoiceListParams.builder().limit(3)
                .sort(InvoiceListParams.Sort.ID_DESC).build());
        assertThat(first.items()).hasSize(3);
        assertThat(first.hasNextPage()).isTrue();
        assertThat(first.autoPager().stream().map(InvoiceSummary::id).toList())
                .containsExactly("INV-7", "INV-6", "INV-5", "INV-4", "INV-3", "INV-2", "INV-1");
    }

    @Test
    void reportsUnknownIdsAndBadQueriesAsTypedErrors() {
        assertThatThrownBy(() -> clerk.invoices().get("NOPE")).isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).requestId()).isNotBlank());
        assertThatThrownBy(() -> clerk.invoices().decide("INV-404", 1, new DecisionRequest(DecisionType.HOLD, null, null, null)))
                .isInstanceOfAny(NotFoundException.class, BadRequestException.class);
    }

    @Test
    void readsMasterDataAndPolicies() {
        assertThat(clerk.stores().get("S-001")).isEqualTo(new Store("S-001", "Lyon Part-Dieu", "R-FR-1", "Lyon", "L"));
        assertThat(clerk.stores().list(StoreListParams.builder().q("lyon").build()).items()).extracting(Store::id)
                .containsExactly("S-001");
        assertThat(clerk.suppliers().get("SUP-002").blocked()).isTrue();
        TolerancePolicy policy = clerk.policies().tolerances();
        try (BackroomClient admin = gateway.client("admin").build()) {
            TolerancePolicy stored = admin.policies().updateTolerances(policy);
            assertThat(stored.version()).isGreaterThan(policy.version());
            assertThatThrownBy(() -> admin.policies().updateTolerances(policy)).isInstanceOf(PreconditionFailedException.class);
        }
    }
}
