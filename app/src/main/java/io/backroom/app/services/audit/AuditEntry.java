package io.backroom.app.services.audit;

import java.time.Instant;
import io.backroom.api.AuditChain;
import io.backroom.api.model.NewAuditEvent;
import java.util.TreeMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * One link of the audit chain. Its {@link #hash()} is the one the Ops API's shared chain rule
 * ({@link AuditChain}) gives its wire form ({@link #toWire()}), which includes {@link #prevHash()}:
 * changing or removing any earlier entry breaks every later link, and the gateway can check each
 * entry it receives.
 *
 * @param source     the chain's id: this console installation
 * @param seq        1, 2, 3, ... in the order written
 * @param recordedAt when it was written
 * @param kind       model output shown, or decision taken
 * @param actor      the user
 * @param invoiceId  the invoice concerned, if any
 * @param action     the decision's action, or the model's output
 * @param modelName  the model concerned, if any
 * @param payload    every other field, as a flat sorted map
 * @param prevHash   the hash of entry {@code seq - 1} ({@link AuditLog#GENESIS} for the first)
 * @param hash       SHA-256 of the canonical text of {@link #toWire()}
 */
public record AuditEntry(String source, long seq, Instant recordedAt, AuditKind kind, String actor, String invoiceId,
                         String action, String modelName, SortedMap<String, String> payload, String prevHash,
                         String hash) {

    /** The event as the gateway's {@code POST /api/v1/audit-events} takes it. */
    public NewAuditEvent toWire() {
        return wire(seq, recordedAt, kind, actor, invoiceId, action, modelName, payload, prevHash, hash);
    }

    /** Whether the stored hash matches the entry's content. */
    public boolean hashMatches() {
        return AuditChain.hash(source, toWire()).equals(hash);
    }

    /** A one-line summary for lists and reports, for example "REJECT: duplicate of INV-1 (overrode model)". */
    public String summary() {
        if (kind == AuditKind.DECISION) {
            String reason = payload.get("reason");
            String advice = payload.getOrDefault("advice", ModelAdvice.NONE.name());
            return action + (reason == null ? "" : ": " + reason)
                    + switch (ModelAdvice.valueOf(advice)) {
                        case FOLLOWED -> " (followed the model)";
                        case OVERRODE -> " (overrode the model: " + payload.get("modelRecommended") + ")";
                        case NONE -> "";
                    };
        }
        if (kind == AuditKind.OUTCOME) {
            String result = payload.get("result");
            String reason = payload.get("reason");
            String words = result == null ? "answered" : DecisionOutcome.Result.valueOf(result).words();
            return action + " " + words + (reason == null ? "" : ": " + reason);
        }
        String confidence = payload.get("confidence");
        return modelName + " " + payload.get("modelVersion") + " said " + action
                + (confidence == null ? "" : " (confidence " + confidence + ")");
    }

    static NewAuditEvent wire(long seq, Instant recordedAt, AuditKind kind, String actor, String invoiceId,
                              String action, String modelName, Map<String, String> payload, String prevHash,
                              String hash) {
        Map<String, String> details = new TreeMap<>(payload);
        details.put("kind", kind.name());
        details.put("action", action);
        details.put("modelName", modelName);
        String wireAction = switch (kind) {
            case DECISION -> "decision." + action;
            case OUTCOME -> "decision-outcome." + payload.getOrDefault("result", "UNKNOWN");
            case MODEL_OUTPUT -> "model-output";
        };
        return new NewAuditEvent(seq, recordedAt, actor, wireAction, invoiceId == null ? null : "invoice", invoiceId,
                CanonicalEncoding.encode(details), prevHash, hash);
    }
}
