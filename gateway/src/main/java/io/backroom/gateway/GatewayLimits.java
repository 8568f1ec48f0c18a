package io.backroom.gateway;

import java.time.Duration;

/**
 * Operational limits of a gateway.
 *
 * @param requestsPerSecond sustained requests per second a token (or, before sign-in, an address) may make
 * @param burst             requests a token may make at once above the sustained rate
 * @param maxJsonBytes      largest JSON request body
 * @param maxDocumentBytes  largest uploaded document
 * @param tokenLifetime     how long a bearer token lives
 */
public record GatewayLimits(double requestsPerSecond, int burst, int maxJsonBytes, int maxDocumentBytes,
        Duration tokenLifetime) {
    public GatewayLimits {
        if (requestsPerSecond <= 0 || burst < 1 || maxJsonBytes < 1024 || maxDocumentBytes < 1024) {
            throw new IllegalArgumentException("limits must be positive (and bodies at least 1 KiB)");
        }
    }

    /** 100 requests/s sustained with bursts of 200, 1 MiB JSON, 10 MiB documents, 8-hour tokens. */
    public static GatewayLimits defaults() {
        return new GatewayLimits(100, 200, 1 << 20, 10 << 20, Duration.ofHours(8));
    }

    public GatewayLimits withRate(double perSecond, int burst) {
        return new GatewayLimits(perSecond, burst, maxJsonBytes, maxDocumentBytes, tokenLifetime);
    }
}
