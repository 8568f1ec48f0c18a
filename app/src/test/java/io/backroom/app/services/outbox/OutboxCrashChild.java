package io.backroom.app.services.outbox;

import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.store.LocalStore;
import java.nio.file.Path;
import java.time.Clock;

/** Run in a separate JVM by {@link OutboxCrashTest}: queues decisions until it is killed, printing each committed key. */
public final class OutboxCrashChild {
    private OutboxCrashChild() {
    }

    public static void main(String[] args) {
        LocalStore store = LocalStore.open(Path.of(args[0]), Clock.systemUTC());
        DecisionOutbox outbox = new DecisionOutbox(store, new AuditLog(store));
        for (int i = 0; ; i++) {
            OutboxItem item = outbox.enqueue(new Decision("INV-" + (i % 50), null, DecisionAction.RELEASE, null, null,
                    "ana", null));
            System.out.println("committed " + item.idempotencyKey());
            System.out.flush();
        }
    }
}
