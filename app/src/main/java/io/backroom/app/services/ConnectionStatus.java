package io.backroom.app.services;

import io.backroom.api.model.Health;
import java.net.URI;

/** What the console knows of its gateway after a health check. */
public record ConnectionStatus(boolean embedded, URI baseUrl, Health health) {

    /** One line for a status bar or a terminal, for example "Connected to sandbox gateway 0.1.0". */
    public String summary() {
        String kind = embedded ? "sandbox gateway" : "gateway";
        String state = health.isUp() ? "Connected to " : "Connected (degraded) to ";
        return state + kind + " " + health.version() + (embedded ? "" : " at " + baseUrl);
    }
}
