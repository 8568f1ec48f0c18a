package io.backroom.app.services.settings;

import io.backroom.app.services.store.LocalStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Small per-user preferences (theme, window bounds, column layouts, saved views) in the local store. */
public final class SettingsStore {
    private final LocalStore store;

    public SettingsStore(LocalStore store) {
        this.store = store;
    }

    /** The value stored under {@code key}, if any. */
    public Optional<String> get(String key) {
        return store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM setting WHERE key = ?")) {
                ps.setString(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every setting whose key starts with {@code prefix}, in key order. */
    public Map<String, String> withPrefix(String prefix) {
        return store.transaction(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT key, value FROM setting WHERE substr(key, 1, ?) = ? ORDER BY key")) {
                ps.setInt(1, prefix.length());
                ps.setString(2, prefix);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
            return out;
        });
    }

    /** Stores {@code value} under {@code key}, replacing what was there. */
    public void put(String key, String value) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")) {
                ps.setString(1, key);
                ps.setString(2, value);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Removes {@code key}. */
    public void remove(String key) {
        store.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM setting WHERE key = ?")) {
                ps.setString(1, key);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
