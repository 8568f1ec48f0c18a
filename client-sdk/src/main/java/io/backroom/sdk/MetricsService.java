package io.backroom.sdk;

import io.backroom.api.model.ApMetrics;

/** Process metrics. Get it from {@link BackroomClient#metrics()}. */
public interface MetricsService {
    /** {@code GET /api/v1/metrics/ap}: accounts-payable metrics now. */
    ApMetrics accountsPayable(RequestOptions options);

    /** {@link #accountsPayable(RequestOptions)} with the client's options. */
    default ApMetrics accountsPayable() {
        return accountsPayable(RequestOptions.NONE);
    }
}
