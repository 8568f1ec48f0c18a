package io.backroom.sdk;

import io.backroom.api.model.AuditBatch;
import io.backroom.api.model.AuditBatchResult;
import io.backroom.api.model.AuditEvent;
import java.util.concurrent.CompletableFuture;

/** The audit trail: consoles append their hash-chained events; auditors read them. Get it from {@link BackroomClient#audit()}. */
public interface AuditService extends ListableResource<AuditEvent, AuditEventListParams> {
    /**
     * {@code POST /api/v1/audit-events}: appends consecutive events of one console's chain. Resending
     * a batch is harmless (counted as {@code alreadyKnown}); a broken chain is a 422 {@link BackroomServiceException}.
     */
    AuditBatchResult append(AuditBatch batch, RequestOptions options);

    /** {@link #append(AuditBatch, RequestOptions)} with the client's options. */
    default AuditBatchResult append(AuditBatch batch) {
        return append(batch, RequestOptions.NONE);
    }

    /** {@code GET /api/v1/audit-events}: the first page, in order of arrival. */
    @Override
    Page<AuditEvent> list(AuditEventListParams params, RequestOptions options);

    /** {@link #append(AuditBatch)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<AuditBatchResult> appendAsync(AuditBatch batch) {
        return CompletableFuture.supplyAsync(() -> append(batch), asyncExecutor());
    }
}
