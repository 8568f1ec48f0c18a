package io.backroom.api.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Liveness and identity of a gateway, as returned by {@code GET /api/v1/health}.
 *
 * @param status     {@code UP} or {@code DEGRADED}
 * @param version    version of the gateway build
 * @param apiVersion version of the Ops API contract the gateway implements
 * @param mode       {@code sandbox} for the built-in ERP, otherwise the ERP connector's name
 * @param time       the gateway's clock when it answered
 * @param erp        how the gateway reaches its ERP, or {@code null} from a gateway that does not say
 */
public record Health(String status, String version, String apiVersion, String mode, Instant time, Erp erp) {
    /**
     * The ERP behind the gateway as its outbox sees it.
     *
     * @param state              {@code UP} when the last delivery reached the ERP, {@code UNAVAILABLE} when it did not
     * @param pendingMessages    messages (postings, intake) waiting for the ERP
     * @param failedMessages     messages the ERP refused, parked for a person to look at
     * @param oldestPendingSince when the oldest waiting message was decided, or {@code null} when none waits
     */
    public record Erp(String state, long pendingMessages, long failedMessages, Instant oldestPendingSince) {
    }

    public Health(String status, String version, String apiVersion, String mode, Instant time) {
        this(status, version, apiVersion, mode, time, null);
    }

    public Health {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(time, "time");
    }

    /** Whether the gateway reports itself fully up. */
    public boolean isUp() {
        return "UP".equals(status);
    }
}
