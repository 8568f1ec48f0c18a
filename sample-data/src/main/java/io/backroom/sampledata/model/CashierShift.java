package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One cashier's session on one register. {@code expectedCash} is what the POS says the drawer should hold at
 * close (opening float + cash in - cash out); {@code countedCash} what was counted.
 */
public record CashierShift(String id, String storeId, int registerNo, String cashierId, Instant startedAt,
        Instant endedAt, BigDecimal openingFloat, BigDecimal expectedCash, BigDecimal countedCash) {
}
