package io.backroom.gateway.http;

import static io.backroom.gateway.http.ApiRoutes.limit;
import static io.backroom.gateway.http.ApiRoutes.parseLong;
import static io.backroom.gateway.http.ApiRoutes.principal;

import io.backroom.api.model.ChangeEvent;
import io.backroom.api.model.Page;
import io.backroom.gateway.events.ChangeFeed;
import java.util.List;

/** The change feed: what changed, in order, for clients that keep views current. */
final class EventRoutes implements DomainRoutes {
    private final ApiRoutes http;

    EventRoutes(ApiRoutes http) {
        this.http = http;
    }

    @Override
    public void declare(RouteTable open, RouteTable api) {
        api.get("/api/v1/events", ctx -> {
            principal(ctx);
            int limit = limit(ctx);
            String after = ctx.queryParam("after");
            long from = after == null || after.isBlank() ? 0 : parseLong(after, "after");
            List<ChangeEvent> events = http.read(tx -> ChangeFeed.after(tx, from, limit));
            String next = events.isEmpty() ? (after == null ? "0" : after) : events.get(events.size() - 1).cursor();
            ctx.json(new Page<>(events, next));
        });
    }
}
