package io.backroom.sampledata.model;

import java.math.BigDecimal;

/**
 * An invoice or credit-note line. {@code poLineNo} points at the PO line it bills ({@code null} when the supplier
 * did not say); {@code netAmount} = quantity x unitPrice, rounded half-up to cents.
 *
 * @param taxRate percent
 */
public record InvoiceLine(int lineNo, Integer poLineNo, String itemId, String supplierSku, String description,
        BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal taxRate, BigDecimal netAmount) {
}
