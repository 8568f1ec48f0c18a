package io.backroom.ml.priority;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One held invoice waiting in the exception queue.
 *
 * @param id           the exception id
 * @param invoiceId    the held invoice
 * @param codes        the hold reasons (PRICE_VARIANCE, DUPLICATE_INVOICE, ...)
 * @param heldAt       when it was held
 * @param amountAtRisk the money the hold is about
 * @param currency     its currency
 */
public record QueueItem(String id, String invoiceId, List<String> codes, Instant heldAt, BigDecimal amountAtRisk, String currency) {
    /** Copies the codes. */
    public QueueItem {
        codes = List.copyOf(codes);
    }
}
