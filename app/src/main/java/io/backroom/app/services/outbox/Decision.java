package io.backroom.app.services.outbox;

import java.util.Objects;

/**
 * A decision a person took, before it reaches the gateway.
 *
 * @param invoiceId        the invoice decided on
 * @param expectedVersion  the invoice version the person saw (sent as {@code If-Match}); {@code null} if unknown
 * @param action           what was decided
 * @param reason           the reason or note ({@code null} when none)
 * @param assignee         the buyer to route to ({@code null} unless routing)
 * @param user             who decided
 * @param modelRecommended the action the model recommended, if one was shown
 */
public record Decision(String invoiceId, Long expectedVersion, DecisionAction action, String reason, String assignee,
                       String user, String modelRecommended) {
    public Decision {
        if (invoiceId == null || invoiceId.isBlank()) {
            throw new IllegalArgumentException("A decision needs the invoice it is about.");
        }
        Objects.requireNonNull(action, "action");
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("A decision needs the user who took it.");
        }
        reason = reason == null || reason.isBlank() ? null : reason.strip();
        assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if (action.needsReason() && reason == null) {
            throw new IllegalArgumentException(action.label() + " needs a reason or note.");
        }
        if (action.needsAssignee() && assignee == null) {
            throw new IllegalArgumentException(action.label() + " needs the buyer to route the invoice to.");
        }
    }
}
