package io.backroom.gateway.events;

import io.backroom.api.model.ChangeEvent;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The change feed behind {@code GET /events}: one row per change, in commit order, in the same transaction. */
public final class ChangeFeed {
    private ChangeFeed() {
    }

    public static void record(Sql tx, String type, String resourceType, String resourceId, long version, Instant at)
            throws SQLException {
        tx.appendInOrder("change_events");
        tx.update("INSERT INTO change_events (type, resource_type, resource_id, version, occurred_at) VALUES (?,?,?,?,?)",
                type, resourceType, resourceId, version, at);
    }

    /** Events with a sequence above {@code after}, oldest first. */
    public static List<ChangeEvent> after(Sql tx, long after, int limit) throws SQLException {
        return tx.query("SELECT * FROM change_events WHERE seq > ? ORDER BY seq LIMIT ?",
                rs -> new ChangeEvent(Long.toString(rs.getLong("seq")), rs.getString("type"),
                        rs.getString("resource_type"), rs.getString("resource_id"), rs.getLong("version"),
                        Sql.instant(rs, "occurred_at")), after, limit);
    }
}
