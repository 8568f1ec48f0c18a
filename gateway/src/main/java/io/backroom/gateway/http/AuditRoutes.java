package io.backroom.gateway.http;

import static io.backroom.gateway.http.ApiRoutes.cursor;
import static io.backroom.gateway.http.ApiRoutes.limit;
import static io.backroom.gateway.http.ApiRoutes.page;
import static io.backroom.gateway.http.ApiRoutes.parseLong;
import static io.backroom.gateway.http.ApiRoutes.principal;

import io.backroom.api.model.AuditBatch;
import io.backroom.gateway.audit.AuditLog;
import io.backroom.gateway.auth.Permission;
import java.time.Clock;

/** The gateway's copy of the consoles' audit hash chains. */
final class AuditRoutes implements DomainRoutes {
    private final ApiRoutes http;
    private final Clock clock;

    AuditRoutes(ApiRoutes http, Clock clock) {
        this.http = http;
        this.clock = clock;
    }

    @Override
    public void declare(RouteTable open, RouteTable api) {
        api.post("/api/v1/audit-events", ctx -> http.idempotent(ctx, AuditBatch.class, (tx, p, in) -> {
            Permission.AUDIT_WRITE.require(p);
            io.backroom.gateway.audit.AuditSources.requireOwnEvents(tx, p, in.get(), clock.instant());
            return new Idempotency.Stored(200, "application/json", null, null,
                    http.json(AuditLog.append(tx, in.get(), clock.instant())));
        }));
        api.get("/api/v1/audit-events", ctx -> {
            Permission.AUDIT_READ.require(principal(ctx));
            int limit = limit(ctx);
            String after = cursor(ctx);
            page(ctx, http.read(tx -> AuditLog.list(tx, ctx.queryParam("source"), ctx.queryParam("subjectId"),
                    ctx.queryParam("actor"), after == null ? 0 : parseLong(after, "cursor"), limit)));
        });
    }
}
