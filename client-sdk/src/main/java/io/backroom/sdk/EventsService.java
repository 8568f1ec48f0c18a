package io.backroom.sdk;

import io.backroom.api.model.ChangeEvent;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The change feed: what changed, oldest first, for refreshing views and offline sync. Get it from
 * {@link BackroomClient#events()}. The auto-pager of a feed page stops at the first empty page, i.e.
 * when it has caught up; keep the last event's {@link ChangeEvent#cursor()} to poll again later with
 * {@link ChangeEventListParams.Builder#after(String)}.
 */
public interface EventsService {
    /** {@code GET /api/v1/events}: events after the params' cursor. */
    Page<ChangeEvent> list(ChangeEventListParams params, RequestOptions options);

    /** {@link #list(ChangeEventListParams, RequestOptions)} with the client's options. */
    default Page<ChangeEvent> list(ChangeEventListParams params) {
        return list(params, RequestOptions.NONE);
    }

    /** Where this service's {@code ...Async} variants run: the client's async executor. */
    Executor asyncExecutor();

    /** {@link #list(ChangeEventListParams)} on the client's async executor; the future fails with the call's {@link BackroomException}. */
    default CompletableFuture<Page<ChangeEvent>> listAsync(ChangeEventListParams params) {
        return CompletableFuture.supplyAsync(() -> list(params), asyncExecutor());
    }
}
