package io.backroom.gateway.http;

import io.backroom.gateway.core.Problem;
import io.backroom.api.model.Token;
import io.backroom.api.model.User;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.core.identity.IdentityPort;
import io.backroom.gateway.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Issues, resolves and revokes bearer tokens. A token is 32 random bytes; only its SHA-256 is stored, so a copy of
 * the database grants nothing. Tokens are never logged.
 */
public final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final Database db;
    private final IdentityPort identity;
    private final Clock clock;
    private final Duration lifetime;

    public Tokens(Database db, IdentityPort identity, Clock clock, Duration lifetime) {
        this.db = db;
        this.identity = identity;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** Signs a user in, or throws 401 with the same words whether the user or the password was wrong. */
    public Token issue(String username, String password) {
        Optional<User> found = identity.authenticate(username, password.toCharArray());
        if (found.isEmpty()) {
            throw Problem.unauthorized("Unknown user or wrong password.");
        }
        User user = found.get();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        db.write(tx -> tx.update("INSERT INTO tokens (token_hash, user_id, issued_at, expires_at) VALUES (?,?,?,?)",
                hash(token), user.id(), now, expires));
        return new Token(token, "Bearer", expires, user);
    }

    /** How long a resolved token is trusted without asking the database again (revocation here is immediate). */
    private static final long CACHE_NANOS = 2_000_000_000L;
    private static final int CACHE_MAX = 10_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();
    /** Tokens signed out through this gateway: never cached again, even by a read that raced the sign-out. */
    private final java.util.Set<String> revoked = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** A principal read from the database at {@code readAt} ({@link System#nanoTime}). */
    private record Cached(Principal principal, long readAt) {
    }

    /**
     * The principal of a bearer token, or 401. A token resolved in the last two seconds is not read again (every
     * request of a busy client would otherwise cost a database read); its expiry is still checked on every request,
     * and a sign-out through this gateway forgets it at once.
     */
    public Principal resolve(String authorization) {
        String bearer = bearer(authorization);
        if (bearer == null) {
            throw Problem.unauthorized("Sign in first: send Authorization: Bearer <token> from POST /api/v1/auth/token.");
        }
        String hash = hash(bearer);
        Instant now = clock.instant();
        Cached cached = recent.get(hash);
        if (cached != null && System.nanoTime() - cached.readAt() < CACHE_NANOS) {
            if (cached.principal().expiresAt().isAfter(now)) {
                return cached.principal();
            }
            recent.remove(hash);
        }
        long readAt = System.nanoTime();
        Principal p = read(hash, now);
        if (recent.size() >= CACHE_MAX) {
            recent.clear();
        }
        recent.put(hash, new Cached(p, readAt));
        if (revoked.contains(hash)) {
            recent.remove(hash);
        }
        return p;
    }

    private Principal read(String hash, Instant now) {
        record Session(String userId, Instant expires) {
        }
        Optional<Session> session = db.read(tx -> tx.one("SELECT user_id, expires_at, revoked FROM tokens "
                + "WHERE token_hash = ?", rs -> {
                    Instant expires = Instant.parse(rs.getString("expires_at"));
                    if (rs.getInt("revoked") != 0 || !expires.isAfter(now)) {
                        return null;
                    }
                    return new Session(rs.getString("user_id"), expires);
                }, hash));
        // the user as the identity provider has them now (roles and limits may have changed since sign-in)
        return session.flatMap(s -> identity.user(s.userId()).map(u -> new Principal(u, hash, s.expires())))
                .orElseThrow(() -> Problem.unauthorized("Your session has expired or was signed out; sign in again."));
    }

    public void revoke(Principal principal) {
        if (revoked.size() >= CACHE_MAX) {
            revoked.clear();
        }
        revoked.add(principal.tokenHash());
        db.write(tx -> tx.update("UPDATE tokens SET revoked = 1 WHERE token_hash = ?", principal.tokenHash()));
        recent.remove(principal.tokenHash());
    }

    private static final java.util.regex.Pattern BEARER = java.util.regex.Pattern.compile("(?i)\\s*bearer\\s+(\\S{1,512})\\s*");

    /**
     * The token of an {@code Authorization: Bearer <token>} header, normalised (scheme in any case, surrounding and
     * separating whitespace dropped), or {@code null} when the header is not a bearer credential. The rate limiter
     * buckets by this, so {@code "Bearer   t"} and {@code "bearer t"} are the same caller as {@code "Bearer t"}.
     */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        java.util.regex.Matcher m = BEARER.matcher(authorization);
        return m.matches() ? m.group(1) : null;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
