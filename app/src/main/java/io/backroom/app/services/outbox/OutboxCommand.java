package io.backroom.app.services.outbox;

import java.util.Map;
import java.util.TreeMap;

/**
 * Any command a person gives that changes server state, before it reaches the gateway: an invoice
 * decision, an approval, a case disposition, a message retry. The outbox stores and delivers every
 * kind the same way; a {@link CommandSender} registered for its {@link #kind()} turns it into a call.
 *
 * @param kind            what sort of command, {@code <subject>.<verb>} (for example {@code invoice.decision});
 *                        the subject names the thing in messages ("Someone changed this invoice first")
 * @param target          the id of the resource it acts on; commands of one user on one target go in order
 * @param action          the command's verb within its kind (for example {@code RELEASE})
 * @param expectedVersion the resource version the person saw (sent as {@code If-Match}); {@code null} if unknown
 * @param payload         the rest of the command, flat strings ({@code null} values are dropped)
 * @param user            who gave it; it is sent only with that user's session
 */
public record OutboxCommand(String kind, String target, String action, Long expectedVersion,
                            Map<String, String> payload, String user) {
    public OutboxCommand {
        if (kind == null || !kind.matches("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("A command kind reads <subject>.<verb>, got " + kind);
        }
        if (target == null || target.isBlank()) {
            throw new IllegalArgumentException("A command needs the resource it acts on.");
        }
        if (action == null || action.isBlank()) {
            throw new IllegalArgumentException("A command needs its action.");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("A command needs the user who gave it.");
        }
        TreeMap<String, String> copy = new TreeMap<>();
        if (payload != null) {
            payload.forEach((k, v) -> {
                if (v != null) {
                    copy.put(k, v);
                }
            });
        }
        payload = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** The thing the command acts on, in words: the part of the kind before the dot. */
    public String subject() {
        return kind.substring(0, kind.indexOf('.'));
    }
}
