package io.backroom.app.services.outbox;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which {@link CommandSender} delivers each command kind. Workspaces register the senders of the
 * kinds they create; the {@link OutboxSender} claims only commands whose kind has a sender, so an
 * item of a kind this console version does not know waits, untouched, instead of failing.
 */
public final class CommandSenders {
    private final Map<String, CommandSender> byKind = new ConcurrentHashMap<>();

    public CommandSenders() {
    }

    /** Only {@code sender} for {@code kind}. */
    public static CommandSenders of(String kind, CommandSender sender) {
        CommandSenders s = new CommandSenders();
        s.register(kind, sender);
        return s;
    }

    /** Registers (or replaces) the sender of {@code kind}; returns this. */
    public CommandSenders register(String kind, CommandSender sender) {
        byKind.put(kind, sender);
        return this;
    }

    public Optional<CommandSender> forKind(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The kinds that can be sent now. */
    public Set<String> kinds() {
        return Set.copyOf(byKind.keySet());
    }
}
