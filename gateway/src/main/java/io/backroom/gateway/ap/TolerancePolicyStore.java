package io.backroom.gateway.ap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.model.TolerancePolicy;
import io.backroom.api.model.Tolerances;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/** The tolerance policy, one versioned row; the defaults until an admin changes it. */
public final class TolerancePolicyStore {
    private final ObjectMapper mapper;

    public TolerancePolicyStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The last policy read, reused while the stored version is unchanged (the match reads it per invoice). */
    private volatile TolerancePolicy cached;

    public TolerancePolicy current(Sql tx) throws SQLException {
        long version = tx.one("SELECT version FROM tolerance_policy WHERE id = 1", rs -> rs.getLong(1)).orElse(0L);
        TolerancePolicy last = cached;
        if (last != null && last.version() == version) {
            return last;
        }
        TolerancePolicy fresh = read(tx);
        cached = fresh;
        return fresh;
    }

    private TolerancePolicy read(Sql tx) throws SQLException {
        return tx.one("SELECT * FROM tolerance_policy WHERE id = 1", rs -> {
            TolerancePolicy body = parse(rs.getString("body"));
            return new TolerancePolicy(body.global(), body.categories(), body.suppliers(), rs.getLong("version"),
                    Sql.instant(rs, "updated_at"), rs.getString("updated_by"));
        }).orElseGet(() -> new TolerancePolicy(Tolerances.defaults(), Map.of(), Map.of(), 0, null, null));
    }

    /** Stores {@code policy} as the next version after {@code expectedVersion}; false if that version is stale. */
    public boolean replace(Sql tx, TolerancePolicy policy, long expectedVersion, String by, Instant at)
            throws SQLException {
        String body = write(new TolerancePolicy(policy.global(), policy.categories(), policy.suppliers(), 0, null, null));
        if (expectedVersion == 0) {
            if (tx.count("SELECT COUNT(*) FROM tolerance_policy WHERE id = 1") > 0) {
                return false;
            }
            tx.update("INSERT INTO tolerance_policy (id, body, version, updated_at, updated_by) VALUES (1, ?, 1, ?, ?)",
                    body, at, by);
            return true;
        }
        return tx.update("UPDATE tolerance_policy SET body = ?, version = version + 1, updated_at = ?, updated_by = ? "
                + "WHERE id = 1 AND version = ?", body, at, by, expectedVersion) == 1;
    }

    private TolerancePolicy parse(String json) {
        try {
            return mapper.readValue(json, TolerancePolicy.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored tolerance policy is unreadable", e);
        }
    }

    private String write(TolerancePolicy policy) {
        try {
            return mapper.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
