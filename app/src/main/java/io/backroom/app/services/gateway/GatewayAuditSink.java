package io.backroom.app.services.gateway;

import io.backroom.api.model.AuditBatch;
import io.backroom.app.services.audit.AuditEntry;
import io.backroom.app.services.audit.AuditSink;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.BackroomException;
import io.backroom.sdk.RequestOptions;
import java.util.List;
import java.util.function.Supplier;

/** Pushes audit entries to {@code POST /api/v1/audit-events}, where the gateway checks their chain. */
public final class GatewayAuditSink implements AuditSink {
    private final Supplier<BackroomClient> client;

    public GatewayAuditSink(Supplier<BackroomClient> client) {
        this.client = client;
    }

    @Override
    public void push(List<AuditEntry> batch) throws PushFailedException {
        BackroomClient c = client.get();
        if (c == null) {
            throw new PushFailedException("nobody is signed in to the gateway");
        }
        String source = batch.get(0).source();
        String key = source + ":" + batch.get(0).seq() + "-" + batch.get(batch.size() - 1).seq();
        try {
            c.audit().append(new AuditBatch(source, batch.stream().map(AuditEntry::toWire).toList()),
                    RequestOptions.builder().idempotencyKey(key).build());
        } catch (BackroomException e) {
            throw new PushFailedException("The gateway did not take audit entries #" + batch.get(0).seq() + " to #"
                    + batch.get(batch.size() - 1).seq() + ": " + e.getMessage(), e);
        }
    }
}
