package io.backroom.app.services.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;

/**
 * One link of the audit chain. Its {@link #hash()} is the SHA-256 of {@link #canonical()}, which
 * includes {@link #prevHash()}: changing or removing any earlier entry breaks every later link.
 *
 * @param seq        1, 2, 3, ... in the order written
 * @param recordedAt when it was written
 * @param kind       model output shown, or decision taken
 * @param actor      the user
 * @param invoiceId  the invoice concerned, if any
 * @param action     the decision's action, or the model's output
 * @param modelName  the model concerned, if any
 * @param payload    every other field, as a flat sorted map
 * @param prevHash   the hash of entry {@code seq - 1} ({@link AuditLog#GENESIS} for the first)
 * @param hash       SHA-256 of the canonical encoding
 */
public record AuditEntry(long seq, Instant recordedAt, AuditKind kind, String actor, String invoiceId, String action,
                         String modelName, SortedMap<String, String> payload, String prevHash, String hash) {

    /** The exact text that is hashed: see {@link CanonicalEncoding}. */
    public String canonical() {
        return canonical(seq, recordedAt, kind, actor, invoiceId, action, modelName, payload, prevHash);
    }

    /** Whether the stored hash matches the entry's content. */
    public boolean hashMatches() {
        return CanonicalEncoding.sha256(canonical()).equals(hash);
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
        String confidence = payload.get("confidence");
        return modelName + " " + payload.get("modelVersion") + " said " + action
                + (confidence == null ? "" : " (confidence " + confidence + ")");
    }

    static String canonical(long seq, Instant recordedAt, AuditKind kind, String actor, String invoiceId,
                            String action, String modelName, Map<String, String> payload, String prevHash) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("seq", Long.toString(seq));
        fields.put("recordedAt", recordedAt.toString());
        fields.put("kind", kind.name());
        fields.put("actor", actor);
        fields.put("invoiceId", invoiceId);
        fields.put("action", action);
        fields.put("modelName", modelName);
        fields.put("payload", CanonicalEncoding.encode(payload));
        fields.put("prevHash", prevHash);
        return CanonicalEncoding.encode(fields);
    }
}
