package io.backroom.gateway;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a gateway runs.
 *
 * @param bind     address to listen on; loopback unless the operator says otherwise
 * @param port     TCP port, {@code 0} for a free one
 * @param database the SQLite file of the sandbox ERP and the gateway's own state
 * @param seed     {@code demo} to load the demo retailer on first start, {@code none} for an empty ERP
 * @param clock    the gateway's clock
 * @param limits   rate limits, body size limits and token lifetime
 */
public record GatewayConfig(String bind, int port, Path database, String seed, Clock clock, GatewayLimits limits) {
    public GatewayConfig {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (!seed.equals("demo") && !seed.equals("none")) {
            throw new IllegalArgumentException("seed must be 'demo' or 'none', got '" + seed + "'");
        }
    }

    public GatewayConfig(String bind, int port, Path database, String seed, Clock clock) {
        this(bind, port, database, seed, clock, GatewayLimits.defaults());
    }

    /** This configuration with other limits. */
    public GatewayConfig withLimits(GatewayLimits newLimits) {
        return new GatewayConfig(bind, port, database, seed, clock, newLimits);
    }

    /** A gateway on a free loopback port over the given database, seeded with the demo retailer. */
    public static GatewayConfig embedded(Path database) {
        return new GatewayConfig("127.0.0.1", 0, database, "demo", Clock.systemUTC());
    }
}
