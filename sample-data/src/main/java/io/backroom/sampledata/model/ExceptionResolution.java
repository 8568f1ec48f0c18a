package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A past invoice hold and the human decision that closed it: the history a prioritisation model learns from.
 * People are not perfect: a few decisions differ from the ground-truth resolution in the labels.
 *
 * @param amountAtRisk the money the hold was about (variance, duplicate total, ...), in {@code currency}
 */
public record ExceptionResolution(String id, String invoiceId, List<ExceptionCode> codes, Instant heldAt,
        BigDecimal amountAtRisk, String currency, Decision decision, String decidedByUserId, Instant decidedAt,
        String note) {
}
