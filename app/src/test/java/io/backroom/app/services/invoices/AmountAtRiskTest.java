package io.backroom.app.services.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.Charge;
import io.backroom.api.model.Hold;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.HoldStatus;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.LineMatch;
import io.backroom.api.model.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmountAtRiskTest {
    private static Money eur(String a) {
        return new Money(new BigDecimal(a), "EUR");
    }

    private static Invoice invoice(List<InvoiceLine> lines, List<Charge> charges, String tax, String computedTax, String total,
                                   HoldCode... open) {
        List<Hold> holds = java.util.Arrays.stream(open).map(c -> new Hold("H-" + c, c, null, "held", HoldStatus.OPEN,
                Instant.EPOCH, null, null)).toList();
        return new Invoice("I-1", InvoiceKind.INVOICE, "N-1", "SUP-1", "Supplier", "PO-1", "S-1", LocalDate.EPOCH, null,
                LocalDate.EPOCH, null, "EUR", InvoiceStatus.ON_HOLD, lines, charges, eur("1000.00"), eur(tax),
                computedTax == null ? null : eur(computedTax), eur(total), holds, null, null, "erp", List.of(), false, null,
                List.of(), 1, Instant.EPOCH, Instant.EPOCH);
    }

    private static InvoiceLine line(String qty, String price, LineMatch m) {
        return new InvoiceLine(1, 1, "IT-1", "thing", new BigDecimal(qty), "EA", eur(price), BigDecimal.ZERO,
                eur(new BigDecimal(qty).multiply(new BigDecimal(price)).toPlainString()), m);
    }

    private static LineMatch match(String ordered, String received, String cumulative, String invoiced, String lineVariance,
                                   HoldCode... codes) {
        return new LineMatch(new BigDecimal(ordered), new BigDecimal(received), BigDecimal.ZERO, new BigDecimal(invoiced),
                new BigDecimal(cumulative), eur("10.00"), eur("10.00"), null, null, lineVariance == null ? null : eur(lineVariance),
                List.of(), List.of(codes));
    }

    @Test
    void aPriceVarianceRisksTheExcessOverThePoPriceNotTheWholeInvoice() {
        Invoice i = invoice(List.of(line("10", "10.50", match("10", "10", "10", "10", "5.00", HoldCode.PRICE_VARIANCE)),
                line("10", "10.00", match("10", "10", "10", "10", "0.00"))), List.of(), "0.00", "0.00", "1210.00",
                HoldCode.PRICE_VARIANCE);

        assertThat(AmountAtRisk.of(i)).isEqualByComparingTo("5.00");
    }

    @Test
    void quantitiesBilledBeyondWhatWasReceivedAreValuedAtTheInvoicePrice() {
        Invoice i = invoice(List.of(line("12", "10.00", match("12", "9", "12", "12", null, HoldCode.QTY_OVER_RECEIPT))),
                List.of(), "0.00", "0.00", "120.00", HoldCode.QTY_OVER_RECEIPT);

        assertThat(AmountAtRisk.of(i)).isEqualByComparingTo("30.00");
    }

    @Test
    void chargesAndTaxDifferencesCountForTheirHolds() {
        Invoice i = invoice(List.of(), List.of(new Charge("FREIGHT", "freight", eur("75.00"))), "21.40", "20.00", "1096.40",
                HoldCode.UNPLANNED_CHARGE, HoldCode.TAX_VARIANCE);

        assertThat(AmountAtRisk.of(i)).isEqualByComparingTo("76.40");
    }

    @Test
    void aDuplicatePutsTheWholeInvoiceAtRisk() {
        Invoice i = invoice(List.of(line("10", "10.50", match("10", "10", "20", "10", "5.00", HoldCode.PRICE_VARIANCE))),
                List.of(), "0.00", "0.00", "105.00", HoldCode.DUPLICATE, HoldCode.PRICE_VARIANCE);

        assertThat(AmountAtRisk.of(i)).isEqualByComparingTo("105.00");
    }
}
