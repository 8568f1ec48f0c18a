package io.backroom.sampledata.model;

import java.math.BigDecimal;

/** A line of a purchase order; {@code unitPrice} is net of tax, in the PO's currency. */
public record PurchaseOrderLine(int lineNo, String itemId, String description, String category,
        BigDecimal orderedQuantity, String unit, BigDecimal unitPrice) {
}
