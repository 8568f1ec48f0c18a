package io.backroom.app.services.outbox;

import java.util.EnumMap;
import java.util.Map;

/** How many decisions are in each state: what the status bar shows. */
public record OutboxSummary(Map<OutboxState, Integer> counts) {
    public OutboxSummary {
        EnumMap<OutboxState, Integer> copy = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            copy.put(s, counts.getOrDefault(s, 0));
        }
        counts = Map.copyOf(copy);
    }

    public int count(OutboxState state) {
        return counts.get(state);
    }

    /** Queued or being sent. */
    public int waiting() {
        return count(OutboxState.PENDING) + count(OutboxState.SENDING);
    }

    /** Failed or in conflict: a person must look. */
    public int needingAttention() {
        return count(OutboxState.FAILED) + count(OutboxState.CONFLICT);
    }

    /** One short phrase for the status bar, for example "Outbox: 3 waiting, 1 needs you". */
    public String text() {
        if (waiting() == 0 && needingAttention() == 0) {
            return "Outbox: all sent";
        }
        StringBuilder s = new StringBuilder("Outbox: ");
        if (waiting() > 0) {
            s.append(waiting()).append(" waiting");
        }
        if (needingAttention() > 0) {
            s.append(waiting() > 0 ? ", " : "").append(needingAttention()).append(needingAttention() == 1 ? " needs you" : " need you");
        }
        return s.toString();
    }
}
