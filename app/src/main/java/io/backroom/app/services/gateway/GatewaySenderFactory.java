package io.backroom.app.services.gateway;

import io.backroom.app.services.outbox.CommandSender;
import io.backroom.sdk.BackroomClient;
import java.util.function.Supplier;

/** Makes the outbox sender of one command kind over the signed-in user's gateway client. */
@FunctionalInterface
public interface GatewaySenderFactory {
    /** @param client the signed-in user's client, or {@code null} while nobody is signed in */
    CommandSender create(Supplier<BackroomClient> client);
}
