package io.backroom.gateway.auth;

import io.backroom.gateway.store.Database;
import io.backroom.gateway.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.CharBuffer;
import java.security.MessageDigest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo passwords waiting to be hashed. Seeding the demo retailer would otherwise spend ~0.07 s of PBKDF2 per user
 * (hundreds of users) before the gateway answers; instead the plain demo passwords (public, documented credentials)
 * are held in memory only, hashed by one background thread and written to the database user by user. Until a
 * user's hash is stored, sign-in compares against the in-memory password in constant time. Nothing here is ever
 * written to disk or logged; a restart re-reads the demo set for users still without a hash.
 */
public final class PendingPasswords {
    private static final Logger LOG = LoggerFactory.getLogger(PendingPasswords.class);
    private final Map<String, char[]> byUserId = new ConcurrentHashMap<>();
    private final Map<String, String> userIdByUsername = new ConcurrentHashMap<>();
    private volatile boolean stopped;

    public void add(String userId, String username, char[] password) {
        byUserId.put(userId, password.clone());
        userIdByUsername.put(username, userId);
    }

    /** Whether {@code password} is the pending password of {@code username}, compared in constant time. */
    public boolean matches(String username, char[] password) {
        String id = userIdByUsername.get(username);
        char[] expected = id == null ? null : byUserId.get(id);
        if (expected == null) {
            return false;
        }
        return MessageDigest.isEqual(bytes(expected), bytes(password));
    }

    private static byte[] bytes(char[] chars) {
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    public int size() {
        return byUserId.size();
    }

    /** Hashes every pending password on a background daemon thread and stores each hash as soon as it is ready. */
    public void hashInBackground(Database db, PasswordHasher hasher) {
        if (byUserId.isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            int stored = 0;
            for (Map.Entry<String, char[]> e : byUserId.entrySet()) {
                if (stopped) {
                    return;
                }
                PasswordHasher.Hashed h = hasher.hash(e.getValue());
                try {
                    db.write(tx -> tx.update("UPDATE users SET password_hash = ?, password_salt = ?, "
                            + "password_iterations = ? WHERE id = ? AND password_hash IS NULL", h.hash(), h.salt(),
                            h.iterations(), e.getKey()));
                } catch (StoreException | IllegalStateException ex) {
                    LOG.debug("Stopped hashing demo passwords: {}", ex.getMessage());
                    return;
                }
                java.util.Arrays.fill(e.getValue(), '\0');
                byUserId.remove(e.getKey());
                stored++;
            }
            LOG.info("Hashed and stored {} demo passwords", stored);
        }, "demo-password-hasher");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    public void stop() {
        stopped = true;
    }
}
