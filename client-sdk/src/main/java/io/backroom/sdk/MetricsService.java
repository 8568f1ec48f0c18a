package io.backroom.sdk;

import io.backroom.api.model.ApMetrics;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** Process metrics. Get it from {@link BackroomClient#metrics()}. */
public interface MetricsService {
    /** {@code GET /api/v1/metrics/ap}: accounts-payable metrics now. */
    ApMetrics accountsPayable(RequestOptions options);

    /** {@link #accountsPayable(RequestOptions)} with the client's options. */
    default ApMetrics accountsPayable() {
        return accountsPayable(RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #accountsPayable()} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<ApMetrics> accountsPayableAsync() {
        return CompletableFuture.supplyAsync(() -> accountsPayable(), asyncExecutor());
    }
}
