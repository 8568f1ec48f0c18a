package io.backroom.app.services.outbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Invoice decisions as outbox commands of kind {@value #KIND}, and back. */
public final class InvoiceDecisions {
    /** The command kind of a decision on a held invoice. */
    public static final String KIND = "invoice.decision";

    private InvoiceDecisions() {
    }

    /** {@code decision} as a command. */
    public static OutboxCommand command(Decision decision) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("reason", decision.reason());
        p.put("assignee", decision.assignee());
        p.put("modelRecommended", decision.modelRecommended());
        return new OutboxCommand(KIND, decision.invoiceId(), decision.action().name(), decision.expectedVersion(), p,
                decision.user());
    }

    /** The decision a command of kind {@value #KIND} carries. */
    public static Decision decision(OutboxCommand command) {
        if (!KIND.equals(command.kind())) {
            throw new IllegalStateException("A " + command.kind() + " command is not an invoice decision.");
        }
        Map<String, String> p = command.payload();
        return new Decision(command.target(), command.expectedVersion(), DecisionAction.valueOf(command.action()),
                p.get("reason"), p.get("assignee"), command.user(), p.get("modelRecommended"));
    }
}
