package io.backroom.sdk;

import io.backroom.api.model.ChangeEvent;

/**
 * The change feed: what changed, oldest first, for refreshing views and offline sync. Get it from
 * {@link BackroomClient#events()}. The auto-pager of a feed page stops at the first empty page, i.e.
 * when it has caught up; keep the last event's {@link ChangeEvent#cursor()} to poll again later with
 * {@link ChangeEventListParams.Builder#after(String)}.
 */
public interface EventsService extends ListableResource<ChangeEvent, ChangeEventListParams> {
    /** {@code GET /api/v1/events}: events after the params' cursor. */
    @Override
    Page<ChangeEvent> list(ChangeEventListParams params, RequestOptions options);
}
