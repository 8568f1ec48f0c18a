package io.backroom.sampledata.model;

import java.math.BigDecimal;

/**
 * A POS journal line. Amounts include tax, in the store currency. For {@code RETURN} lines the quantity is
 * negative. {@code regularPrice} is the shelf price; {@code unitPrice} what was charged (lower after a price
 * override). {@code discount} is the line discount amount (positive). {@code voidsLineNo} is set on VOID lines.
 */
public record PosLine(int lineNo, PosLineType type, String itemId, BigDecimal quantity, BigDecimal regularPrice,
        BigDecimal unitPrice, boolean priceOverride, BigDecimal discount, String discountReason,
        Integer voidsLineNo, BigDecimal amount) {
}
