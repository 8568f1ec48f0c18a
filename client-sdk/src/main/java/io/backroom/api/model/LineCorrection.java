package io.backroom.api.model;

import java.math.BigDecimal;

/**
 * A correction of one invoice line; only the fields given change.
 *
 * @param lineNo    the line to correct
 * @param quantity  the billed quantity, or null to keep it
 * @param unitPrice the unit price, or null to keep it
 * @param netAmount the line's net amount; when null and the quantity or price changes, quantity x unit price
 *                  rounded half-up to cents
 */
public record LineCorrection(int lineNo, BigDecimal quantity,
                             Money unitPrice, Money netAmount) {
}
