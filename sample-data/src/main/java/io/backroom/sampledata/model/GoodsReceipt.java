package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A quantity of one PO line received at the store on one day; a line may have several receipts. */
public record GoodsReceipt(String id, String poId, int poLineNo, String storeId, LocalDate receivedOn,
        BigDecimal quantity, String deliveryNote) {
}
