package io.backroom.api.model;

import java.math.BigDecimal;

/**
 * A purchase-order line.
 *
 * @param unitPrice net of tax, in the PO's currency
 */
public record PurchaseOrderLine(int lineNo, String itemId, String description, String category, BigDecimal quantity,
        String unit, Money unitPrice) {
}
