package io.backroom.app.services.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A decision a person took on an invoice, as written to the audit log.
 *
 * @param user              who decided
 * @param decidedAt         when
 * @param invoiceId         which invoice
 * @param action            RELEASE, REJECT, REQUEST_CREDIT, ROUTE_TO_BUYER, HOLD
 * @param reason            the reason or note given ({@code null} when none)
 * @param modelRecommended  what the model recommended ({@code null} when nothing was shown)
 * @param idempotencyKey    the key the decision travels to the gateway with
 */
public record DecisionTaken(String user, Instant decidedAt, String invoiceId, String action, String reason,
                            String modelRecommended, String idempotencyKey) {
    public DecisionTaken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(action, "action");
    }

    /** Whether the person followed or overrode the model. */
    public ModelAdvice advice() {
        return ModelAdvice.of(action, modelRecommended);
    }

    Map<String, String> payload() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("decidedAt", decidedAt.toString());
        p.put("reason", reason);
        p.put("modelRecommended", modelRecommended);
        p.put("advice", advice().name());
        p.put("idempotencyKey", idempotencyKey);
        return p;
    }
}
