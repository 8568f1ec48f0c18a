package io.backroom.sampledata.model;

import java.math.BigDecimal;

/**
 * A supplier-specific three-way-match tolerance replacing the defaults documented in {@code sample-data/README.md}.
 *
 * @param priceVariancePercent allowed unit-price deviation of an invoice line from its PO line, in percent
 * @param quantityOverPercent allowed invoiced quantity above the received quantity, in percent
 * @param amountVariance allowed absolute deviation of a line amount, in the supplier's currency
 */
public record ToleranceOverride(BigDecimal priceVariancePercent, BigDecimal quantityOverPercent,
        BigDecimal amountVariance) {
}
