package io.backroom.gateway.audit;

import io.backroom.api.model.AuditBatch;
import io.backroom.api.model.NewAuditEvent;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * Who may append to a console's audit chain: the actor of every event is the signed-in user (the server takes it
 * from the token, never from the body: an event naming anybody else is refused), and a source belongs to the user
 * whose batch created it; nobody else may append to it.
 */
public final class AuditSources {
    private AuditSources() {
    }

    /** Refuses (403) a batch with another user's events or for another user's source; claims a new source. */
    public static void requireOwnEvents(Sql tx, Principal by, AuditBatch batch, Instant now) throws SQLException {
        for (int i = 0; i < batch.events().size(); i++) {
            NewAuditEvent e = batch.events().get(i);
            if (e != null && e.actor() != null && !e.actor().equals(by.user().username()) && !e.actor().equals(by.id())) {
                throw Problem.forbidden("events[" + i + "].actor is '" + e.actor() + "', but you are signed in as "
                        + by.user().username() + ": audit events are recorded only as the user who sends them.");
            }
        }
        if (batch.source() == null || batch.source().isBlank()) {
            return; // the validation that follows names the field
        }
        Optional<String> owner = tx.one("SELECT owner_user_id FROM audit_sources WHERE source = ?", rs -> rs.getString(1),
                batch.source());
        if (owner.isEmpty()) {
            boolean earlier = tx.count("SELECT COUNT(*) FROM audit_events WHERE source = ?", batch.source()) > 0;
            if (earlier) {
                // a chain received before sources had owners belongs to the actor of its first event
                String first = tx.one("SELECT actor FROM audit_events WHERE source = ? ORDER BY sequence LIMIT 1",
                        rs -> rs.getString(1), batch.source()).orElse(null);
                if (first != null && !first.equals(by.user().username()) && !first.equals(by.id())) {
                    throw notYours(batch.source());
                }
            }
            tx.update("INSERT INTO audit_sources (source, owner_user_id, created_at) VALUES (?,?,?)", batch.source(),
                    by.id(), now);
        } else if (!owner.get().equals(by.id())) {
            throw notYours(batch.source());
        }
    }

    private static Problem notYours(String source) {
        return Problem.forbidden("Audit source '" + source + "' belongs to another user; a console's chain is "
                + "appended to only by the user who created it.");
    }
}
