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
 */
public record Health(String status, String version, String apiVersion, String mode, Instant time) {
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
