package io.backroom.api.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * The three-way match of one invoice line against its PO line and goods receipts.
 *
 * @param orderedQuantity             PO line quantity ({@code null} when the PO line is unknown)
 * @param receivedQuantity            cumulative quantity received on the PO line
 * @param previouslyInvoicedQuantity  quantity on earlier, non-rejected invoices for the PO line, less credit notes
 * @param invoicedQuantity            this line's quantity, less credit notes on this invoice
 * @param cumulativeInvoicedQuantity  previously invoiced + invoiced
 * @param poUnitPrice                 the PO line's unit price
 * @param invoiceUnitPrice            the invoice's effective unit price (after credit notes)
 * @param unitPriceVariance           invoice unit price - PO unit price
 * @param priceVariancePercent        unit price variance as a percentage of the PO price
 * @param lineVariance                unit price variance x invoiced quantity
 */
public record LineMatch(BigDecimal orderedQuantity, BigDecimal receivedQuantity, BigDecimal previouslyInvoicedQuantity,
        BigDecimal invoicedQuantity, BigDecimal cumulativeInvoicedQuantity, Money poUnitPrice, Money invoiceUnitPrice,
        Money unitPriceVariance, BigDecimal priceVariancePercent, Money lineVariance, List<ToleranceBreach> breaches,
        List<HoldCode> holdCodes) {
    public LineMatch {
        breaches = breaches == null ? List.of() : List.copyOf(breaches);
        holdCodes = holdCodes == null ? List.of() : List.copyOf(holdCodes);
    }
}
