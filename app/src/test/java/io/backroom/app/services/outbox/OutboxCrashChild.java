package io.backroom.app.services.outbox;

import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Run in a separate JVM by {@link OutboxCrashTest}: queues invoice decisions and, between them,
 * commands of a second kind ({@value #ADJUSTMENT}) until it is killed, printing each committed key.
 */
public final class OutboxCrashChild {
    /** A second command kind, for the test only: a stock adjustment on an item. */
    static final String ADJUSTMENT = "stock.adjustment";

    private OutboxCrashChild() {
    }

    public static void main(String[] args) {
        LocalStore store = LocalStore.open(Path.of(args[0]), Clock.systemUTC());
        CommandOutbox commands = new CommandOutbox(store);
        DecisionOutbox outbox = new DecisionOutbox(commands, new AuditLog(store));
        for (int i = 0; ; i++) {
            OutboxItem item = i % 3 == 2
                    ? commands.enqueue(new OutboxCommand(ADJUSTMENT, "ITM-" + (i % 7), "ADJUST", null,
                            java.util.Map.of("quantity", Integer.toString(i)), "ana"))
                    : outbox.enqueue(new Decision("INV-" + (i % 50), null, DecisionAction.RELEASE, null, null,
                            "ana", null));
            System.out.println("committed " + item.idempotencyKey());
            System.out.flush();
        }
    }
}
