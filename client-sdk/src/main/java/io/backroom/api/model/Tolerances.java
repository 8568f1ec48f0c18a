package io.backroom.api.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;

/**
 * Three-way-match tolerances. In the global set, {@code null} means no limit; in a category or supplier override,
 * {@code null} means "inherit". Amounts are in the invoice's currency. Decimals travel as strings.
 *
 * @param priceUpperPercent         invoice unit price may exceed the PO price by at most this percentage
 * @param priceUpperAmount          ...and the line's excess (unit excess x quantity) by at most this amount
 * @param priceLowerPercent         invoice unit price may be below the PO price by at most this percentage
 * @param priceLowerAmount          ...and the line's shortfall by at most this amount
 * @param quantityOverReceiptPercent cumulative invoiced may exceed cumulative received by this percentage
 * @param quantityOverOrderPercent   cumulative invoiced may exceed the ordered quantity by this percentage
 * @param unplannedChargeAmount     charges not on the PO up to this amount are accepted
 * @param taxAmount                 printed tax may differ from the computed tax by this amount
 */
public record Tolerances(
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal priceUpperPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal priceUpperAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal priceLowerPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal priceLowerAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal quantityOverReceiptPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal quantityOverOrderPercent,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unplannedChargeAmount,
        @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal taxAmount) {

    /**
     * The default price tolerance: an invoice's unit price may exceed the PO's by 2 percent. The one
     * definition the gateway's match, the synthetic retailer and the models' features all read.
     */
    public static final BigDecimal DEFAULT_PRICE_UPPER_PERCENT = new BigDecimal("2");

    /** The defaults: price +2% and at most 25.00 per line, paying less never blocks, exact quantities,
     * 50.00 of unplanned charges, 1.00 of tax difference. */
    public static Tolerances defaults() {
        return new Tolerances(DEFAULT_PRICE_UPPER_PERCENT, new BigDecimal("25.00"), null, null, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("50.00"), new BigDecimal("1.00"));
    }

    /** An override that inherits everything. */
    public static Tolerances inheritAll() {
        return new Tolerances(null, null, null, null, null, null, null, null);
    }
}
