package io.backroom.api.model;

import java.math.BigDecimal;

/**
 * A purchase-order line.
 *
 * @param unitPrice net of tax, in the PO's currency
 * @param taxRate   the tax rate (percent) agreed for the line, or {@code null} when the PO states none; an invoice
 *                  line billing it at another rate is held {@code TAX_VARIANCE}
 */
public record PurchaseOrderLine(int lineNo, String itemId, String description, String category, BigDecimal quantity,
        String unit, Money unitPrice, BigDecimal taxRate) {

    /** A line with no agreed tax rate. */
    public PurchaseOrderLine(int lineNo, String itemId, String description, String category, BigDecimal quantity,
            String unit, Money unitPrice) {
        this(lineNo, itemId, description, category, quantity, unit, unitPrice, null);
    }
}
