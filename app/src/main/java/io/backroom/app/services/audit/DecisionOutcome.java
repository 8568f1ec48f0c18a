package io.backroom.app.services.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What came of a decision, as its own audit entry after the decision's: the gateway's answer, or the person's undo
 * before it was sent. The idempotency key ties it to the decision entry.
 *
 * @param user           who took the decision
 * @param at             when the answer came
 * @param invoiceId      which invoice
 * @param action         the decision's action (RELEASE, REJECT, ...)
 * @param result         what happened
 * @param reason         the gateway's reason for a refusal or conflict ({@code null} when applied)
 * @param idempotencyKey the key the decision travelled with
 */
public record DecisionOutcome(String user, Instant at, String invoiceId, String action, Result result, String reason,
                              String idempotencyKey) {
    public DecisionOutcome {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(invoiceId, "invoiceId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(result, "result");
    }

    /** The answer. */
    public enum Result {
        /** The gateway applied the decision. */
        APPLIED("applied"),
        /** The gateway refused it for good (not allowed, invalid); the invoice is still held. */
        REFUSED("refused"),
        /** Someone changed the invoice first; the decision was not applied. */
        CONFLICT("not applied: conflict"),
        /** The person undid it before it was sent. */
        UNDONE("undone before sending");

        private final String words;

        Result(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    Map<String, String> payload() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("at", at.toString());
        p.put("result", result.name());
        p.put("reason", reason);
        p.put("idempotencyKey", idempotencyKey);
        return p;
    }
}
