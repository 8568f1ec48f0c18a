package io.backroom.api.model;

import java.math.BigDecimal;

/**
 * An invoice or credit-note line as sent at intake.
 *
 * @param poLineNo  the PO line it bills
 * @param taxRate   percent; the supplier's usual rate when omitted
 * @param netAmount quantity x unitPrice rounded half-up to cents when omitted; a credit note may credit an amount
 *                  without a quantity (a price correction)
 */
public record NewInvoiceLine(int lineNo, Integer poLineNo, String itemId, String description, BigDecimal quantity,
        String unit, Money unitPrice, BigDecimal taxRate, Money netAmount) {
}
