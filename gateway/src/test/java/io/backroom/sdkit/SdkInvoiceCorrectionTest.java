package io.backroom.sdkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.HoldStatus;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceCorrection;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.LineCorrection;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewInvoiceLine;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.BadRequestException;
import io.backroom.sdk.ConflictException;
import io.backroom.sdk.ForbiddenException;
import io.backroom.sdk.PreconditionFailedException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Correcting a held invoice that was keyed wrongly ({@code PATCH /api/v1/invoices/{id}}), over HTTP: the invoice is
 * matched again but never released by the correction, and whoever corrected it may not release it.
 */
class SdkInvoiceCorrectionTest {
    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @TempDir
    Path dir;

    private SandboxGateway gateway;
    private BackroomClient intake;
    private BackroomClient clerk;
    private BackroomClient supervisor;

    @BeforeEach
    void start() {
        gateway = SandboxGateway.start(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        intake = gateway.client("admin").build();
        clerk = gateway.client("clerk").build();
        supervisor = gateway.client("supervisor").build();
        gateway.buyer().purchaseOrders().create(new NewPurchaseOrder("PO-1", "SUP-001", "S-001", "U-BUYER", TODAY.minusDays(10),
                TODAY.minusDays(3), "EUR", PurchaseOrderStatus.OPEN,
                List.of(new PurchaseOrderLine(1, "IT-001", "Comté", "dairy", new BigDecimal("10"), "EA", eur("12.50"))), null));
        gateway.dock().goodsReceipts().create(new NewGoodsReceipt("GR-1", "PO-1", "S-001", TODAY.minusDays(2), "DN-1",
                List.of(new GoodsReceiptLine(1, new BigDecimal("10")))));
    }

    @AfterEach
    void stop() {
        intake.close();
        clerk.close();
        supervisor.close();
        gateway.close();
    }

    private static Money eur(String amount) {
        return Money.of(amount, SandboxGateway.CURRENCY);
    }

    private Invoice invoice(String id, String po, String unitPrice) {
        BigDecimal net = new BigDecimal(unitPrice).multiply(BigDecimal.TEN).setScale(2);
        return intake.invoices().create(new NewInvoice(id, InvoiceKind.INVOICE, "N-" + id, "SUP-001", po, "S-001",
                TODAY.minusDays(1), TODAY, TODAY.plusDays(29), "EUR",
                List.of(new NewInvoiceLine(1, 1, "IT-001", "Comté", BigDecimal.TEN, "EA", eur(unitPrice), BigDecimal.ZERO,
                        Money.of(net, "EUR"))),
                List.of(), eur("0.00"), Money.of(net, "EUR"), null));
    }

    @Test
    void aPriceKeyedWronglyIsCorrectedMatchedAgainAndReleasedBySomeoneElse() {
        Invoice held = invoice("INV-1", "PO-1", "15.00");
        assertThat(held.holds()).extracting(h -> h.code()).contains(HoldCode.PRICE_VARIANCE);

        Invoice corrected = clerk.invoices().correct("INV-1", held.version(), new InvoiceCorrection(
                "Unit price keyed as 15.00; the supplier's PDF says 12.50", null, null, null,
                List.of(new LineCorrection(1, null, eur("12.50"), null)), null, eur("125.00")));

        assertThat(corrected.status()).as("a correction never releases by itself").isEqualTo(InvoiceStatus.ON_HOLD);
        assertThat(corrected.holds()).filteredOn(h -> h.status() == HoldStatus.OPEN).isEmpty();
        assertThat(corrected.lines().get(0).netAmount().amount()).isEqualByComparingTo("125.00");
        assertThat(corrected.editedBy()).containsExactly("U-CLERK");
        assertThat(corrected.history()).anySatisfy(h -> {
            assertThat(h.action()).isEqualTo("CORRECTED");
            assertThat(h.detail()).contains("unit price 15 -> 12.5", "total 150 -> 125", "supplier's PDF says 12.50");
        });
        assertThatThrownBy(() -> clerk.invoices().decide("INV-1", corrected.version(),
                new DecisionRequest(DecisionType.RELEASE, null, null, null)))
                .isInstanceOf(ForbiddenException.class).hasMessageContaining("You edited");
        assertThat(supervisor.invoices().decide("INV-1", corrected.version(),
                new DecisionRequest(DecisionType.RELEASE, null, null, null)).invoice().status()).isEqualTo(InvoiceStatus.RELEASED);
    }

    @Test
    void aPoNumberTypoIsCorrectedAndTheLinesAreMatchedAgainstTheRightOrder() {
        Invoice held = invoice("INV-2", "PO-l", "12.50");
        assertThat(held.holds()).extracting(h -> h.code()).contains(HoldCode.PO_INVALID);

        Invoice corrected = clerk.invoices().correct("INV-2", held.version(),
                new InvoiceCorrection("PO keyed with a letter l", null, "PO-1", null, null, null, null));

        assertThat(corrected.poReference()).isEqualTo("PO-1");
        assertThat(corrected.holds()).filteredOn(h -> h.status() == HoldStatus.OPEN).isEmpty();
        assertThat(corrected.lines().get(0).match().receivedQuantity()).isEqualByComparingTo("10");
    }

    @Test
    void aStaleOrEmptyOrUnknownCorrectionIsRefusedAndChangesNothing() {
        Invoice held = invoice("INV-3", "PO-1", "15.00");
        InvoiceCorrection price = new InvoiceCorrection("price", null, null, null,
                List.of(new LineCorrection(1, null, eur("12.50"), null)), null, null);

        assertThatThrownBy(() -> clerk.invoices().correct("INV-3", held.version() - 1, price))
                .isInstanceOf(PreconditionFailedException.class)
                .satisfies(e -> assertThat(((PreconditionFailedException) e).currentVersion()).hasValue(Long.toString(held.version())));
        assertThatThrownBy(() -> clerk.invoices().correct("INV-3", held.version(),
                new InvoiceCorrection(" ", null, null, null, List.of(new LineCorrection(1, null, eur("12.50"), null)), null, null)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> clerk.invoices().correct("INV-3", held.version(),
                new InvoiceCorrection("nothing", null, null, null, null, null, null)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("changes nothing");
        assertThatThrownBy(() -> clerk.invoices().correct("INV-3", held.version(), new InvoiceCorrection("typo", null, null,
                null, List.of(new LineCorrection(7, BigDecimal.ONE, null, null)), null, null)))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("no line 7");
        assertThatThrownBy(() -> intake.invoices().correct("INV-3", held.version(), price))
                .as("an administrator does not decide invoices").isInstanceOf(ForbiddenException.class);
        assertThat(clerk.invoices().get("INV-3").version()).as("nothing changed").isEqualTo(held.version());

        supervisor.invoices().decide("INV-3", held.version(), new DecisionRequest(DecisionType.REJECT, "wrong supplier", null, null));
        assertThatThrownBy(() -> clerk.invoices().correct("INV-3", held.version() + 1, price))
                .isInstanceOf(ConflictException.class).hasMessageContaining("only an invoice on hold");
    }
}
