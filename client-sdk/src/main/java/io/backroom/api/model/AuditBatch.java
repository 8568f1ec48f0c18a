package io.backroom.api.model;

import java.util.List;

/**
 * Body of {@code POST /api/v1/audit-events}: consecutive events of one source's chain.
 *
 * @param source the console installation that recorded them (its chain id)
 */
public record AuditBatch(String source, List<NewAuditEvent> events) {
    public AuditBatch {
        events = events == null ? List.of() : List.copyOf(events);
    }
}
