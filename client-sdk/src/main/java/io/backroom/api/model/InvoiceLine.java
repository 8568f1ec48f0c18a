package io.backroom.api.model;

import java.math.BigDecimal;

/** An invoice line with the result of its three-way match ({@code null} for credit notes). */
public record InvoiceLine(int lineNo, Integer poLineNo, String itemId, String description, BigDecimal quantity,
        String unit, Money unitPrice, BigDecimal taxRate, Money netAmount, LineMatch match) {
}
