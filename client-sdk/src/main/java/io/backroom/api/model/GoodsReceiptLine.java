package io.backroom.api.model;

import java.math.BigDecimal;

/** A quantity of one PO line received in a goods receipt. */
public record GoodsReceiptLine(int poLineNo, BigDecimal quantity) {
}
