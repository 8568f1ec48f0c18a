package io.backroom.app.services.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The receiving side of the decisions contract, in memory: applies a decision once per
 * idempotency key (a replay returns the first answer), checks {@code If-Match} against each
 * invoice's version and bumps it. Used until the gateway serves decisions; it can also inject
 * faults the real gateway cannot produce on demand.
 */
final class LedgerGateway implements DecisionSender {
    // Any kind: it reads only the generic command (target, expected version), so a test can use one per kind.
    final Map<String, SendOutcome> byKey = new HashMap<>();
    final Map<String, Long> versions = new HashMap<>();
    final List<String> applied = new ArrayList<>();
    final List<String> receivedKeys = new ArrayList<>();
    int failNext;
    boolean down;

    @Override
    public synchronized SendOutcome send(OutboxItem item) {
        receivedKeys.add(item.idempotencyKey());
        if (down) {
            return new SendOutcome.RetryLater("the gateway does not answer", null);
        }
        if (failNext > 0) {
            failNext--;
            return new SendOutcome.RetryLater("503 Service Unavailable", null);
        }
        SendOutcome first = byKey.get(item.idempotencyKey());
        if (first != null) {
            return first;
        }
        String invoice = item.command().target();
        long current = versions.getOrDefault(invoice, 1L);
        Long expected = item.command().expectedVersion();
        SendOutcome outcome;
        if (expected != null && expected != current) {
            outcome = new SendOutcome.Conflict(current, "released by ben");
        } else {
            versions.put(invoice, current + 1);
            applied.add(item.idempotencyKey());
            outcome = new SendOutcome.Applied(current + 1);
        }
        byKey.put(item.idempotencyKey(), outcome);
        return outcome;
    }
}
