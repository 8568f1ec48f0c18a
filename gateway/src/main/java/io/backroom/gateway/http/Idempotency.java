package io.backroom.gateway.http;

import io.backroom.gateway.core.Problem;
import io.backroom.api.ProblemTypes;
import io.backroom.gateway.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Stored responses of POSTs made with an {@code Idempotency-Key}, written in the same transaction as the POST's
 * effect so that an acknowledged request and its record cannot part.
 */
final class Idempotency {
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private Idempotency() {
    }

    /** A stored response. */
    record Stored(int status, String contentType, String location, String etag, String body) {
    }

    static void checkKey(String key) {
        if (!KEY.matcher(key).matches()) {
            throw Problem.badRequest("Idempotency-Key must be 1 to 200 visible ASCII characters.");
        }
    }

    static String requestHash(String method, String path, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored response for this key, or empty; 422 if the key was used for another request. */
    static Optional<Stored> find(Sql tx, String principal, String key, String requestHash) throws SQLException {
        Optional<String[]> row = tx.one("SELECT request_hash, status, content_type, location, etag, body FROM "
                + "idempotency_keys WHERE principal = ? AND idem_key = ?", rs -> new String[] {rs.getString(1),
                Integer.toString(rs.getInt(2)), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)},
                principal, key);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String[] r = row.get();
        if (!r[0].equals(requestHash)) {
            throw new Problem(422, ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
                    "Idempotency-Key '" + key + "' was already used for a different request; use a new key for a new "
                            + "request.");
        }
        return Optional.of(new Stored(Integer.parseInt(r[1]), r[2], r[3], r[4], r[5]));
    }

    static void store(Sql tx, String principal, String key, String requestHash, Stored s, Instant at)
            throws SQLException {
        tx.update("INSERT INTO idempotency_keys (principal, idem_key, request_hash, status, content_type, location, etag, "
                + "body, created_at) VALUES (?,?,?,?,?,?,?,?,?)", principal, key, requestHash, s.status(),
                s.contentType(), s.location(), s.etag(), s.body(), at);
    }

    /** Forgets keys older than {@code before}. */
    static int purge(Sql tx, Instant before) throws SQLException {
        return tx.update("DELETE FROM idempotency_keys WHERE created_at < ?", before);
    }
}
