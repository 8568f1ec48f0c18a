package io.backroom.app.services.invoices;

import io.backroom.api.model.Charge;
import io.backroom.api.model.Hold;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.HoldStatus;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.LineMatch;
import io.backroom.api.model.Money;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * The money a held invoice's open holds are about, which is what the prioritiser weighs (the resolved history it
 * learned from records the same): the excess over the PO price on price variances, the value of quantities billed
 * beyond what was received or ordered, the tax or total difference, the charges on an unplanned-charge hold; the
 * whole invoice when the hold puts all of it in question (duplicate, unknown PO, no receipt, blocked supplier,
 * manual hold). Never more than the invoice's total.
 */
public final class AmountAtRisk {
    private static final Set<HoldCode> WHOLE_INVOICE = EnumSet.of(HoldCode.DUPLICATE, HoldCode.SUSPECTED_DUPLICATE,
            HoldCode.PO_INVALID, HoldCode.NO_RECEIPT, HoldCode.SUPPLIER_BLOCKED, HoldCode.MANUAL);

    private AmountAtRisk() {
    }

    /** The amount at risk of {@code invoice}, in its currency. */
    public static BigDecimal of(Invoice invoice) {
        BigDecimal total = amount(invoice.total()).abs();
        Set<HoldCode> open = EnumSet.noneOf(HoldCode.class);
        for (Hold h : invoice.holds() == null ? java.util.List.<Hold>of() : invoice.holds()) {
            if (h.status() == HoldStatus.OPEN && h.code() != null) {
                open.add(h.code());
            }
        }
        if (open.stream().anyMatch(WHOLE_INVOICE::contains)) {
            return total;
        }
        BigDecimal risk = BigDecimal.ZERO;
        for (InvoiceLine line : invoice.lines() == null ? java.util.List.<InvoiceLine>of() : invoice.lines()) {
            LineMatch m = line.match();
            if (m == null) {
                continue;
            }
            if (m.holdCodes().contains(HoldCode.PRICE_VARIANCE) && m.lineVariance() != null) {
                risk = risk.add(amount(m.lineVariance()).abs());
            }
            if (m.holdCodes().contains(HoldCode.QTY_OVER_RECEIPT) || m.holdCodes().contains(HoldCode.QTY_OVER_ORDER)) {
                BigDecimal cumulative = nz(m.cumulativeInvoicedQuantity());
                BigDecimal covered = m.holdCodes().contains(HoldCode.QTY_OVER_RECEIPT) ? nz(m.receivedQuantity())
                        : nz(m.orderedQuantity());
                BigDecimal excess = cumulative.subtract(covered).max(BigDecimal.ZERO).min(nz(m.invoicedQuantity()));
                risk = risk.add(excess.multiply(amount(line.unitPrice())));
            }
        }
        BigDecimal charges = BigDecimal.ZERO;
        for (Charge c : invoice.charges() == null ? java.util.List.<Charge>of() : invoice.charges()) {
            charges = charges.add(amount(c.amount()));
        }
        if (open.contains(HoldCode.UNPLANNED_CHARGE)) {
            risk = risk.add(charges.abs());
        }
        if (open.contains(HoldCode.TAX_VARIANCE) && invoice.computedTax() != null) {
            risk = risk.add(amount(invoice.taxAmount()).subtract(amount(invoice.computedTax())).abs());
        }
        if (open.contains(HoldCode.TOTAL_MISMATCH)) {
            risk = risk.add(amount(invoice.total()).subtract(amount(invoice.subtotal())).subtract(amount(invoice.taxAmount()))
                    .subtract(charges).abs());
        }
        return risk.signum() == 0 ? total : risk.min(total).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static BigDecimal amount(Money m) {
        return m == null || m.amount() == null ? BigDecimal.ZERO : m.amount();
    }

    private static BigDecimal nz(BigDecimal b) {
        return b == null ? BigDecimal.ZERO : b;
    }
}
