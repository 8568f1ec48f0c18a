package io.backroom.api.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Accounts-payable process metrics of {@code GET /api/v1/metrics/ap}.
 *
 * @param touchlessRate share (0..1) of invoices that matched without a hold
 */
public record ApMetrics(Instant asOf, long invoices, long openHolds, long heldInvoices, List<CountBucket> holdsByCode,
        List<CountBucket> holdsBySupplier, List<CountBucket> holdsByStore, List<CountBucket> holdsByCategory,
        List<AgingBucket> aging, BigDecimal touchlessRate, CycleTimes decisionCycleTimes) {
}
