package io.backroom.api;

import io.backroom.api.model.NewAuditEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit hash chain shared by consoles and the gateway. Each event's {@code hash} is the lower-case hex SHA-256
 * of its canonical text: the fields {@code source, sequence, occurredAt (ISO-8601), actor, action, subjectType,
 * subjectId, payload, prevHash}, each followed by a line feed, a missing field written as the empty string. The
 * first event of a chain has {@link #GENESIS} as {@code prevHash}; every later one the {@code hash} of the one
 * before it.
 */
public final class AuditChain {
    /** {@code prevHash} of the first event of a chain: 64 zeros. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** The hash an event must carry, given the chain it belongs to. */
    public static String hash(String source, NewAuditEvent e) {
        StringBuilder text = new StringBuilder(256);
        append(text, source);
        append(text, Long.toString(e.sequence()));
        append(text, e.occurredAt() == null ? null : e.occurredAt().toString());
        append(text, e.actor());
        append(text, e.action());
        append(text, e.subjectType());
        append(text, e.subjectId());
        append(text, e.payload());
        append(text, e.prevHash());
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e1) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e1);
        }
    }

    /** A copy of {@code e} with the hash it must carry. */
    public static NewAuditEvent seal(String source, NewAuditEvent e) {
        return new NewAuditEvent(e.sequence(), e.occurredAt(), e.actor(), e.action(), e.subjectType(), e.subjectId(),
                e.payload(), e.prevHash(), hash(source, e));
    }

    private static void append(StringBuilder text, String field) {
        text.append(field == null ? "" : field).append('\n');
    }
}
