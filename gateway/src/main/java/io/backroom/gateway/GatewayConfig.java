package io.backroom.gateway;

import io.backroom.gateway.store.StoreLocation;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * How a gateway runs.
 *
 * @param bind   address to listen on; loopback unless the operator says otherwise
 * @param port   TCP port, {@code 0} for a free one
 * @param store  where the sandbox ERP and the gateway's own state live: a SQLite file or a PostgreSQL database
 * @param seed   {@code demo} to load the demo retailer on first start, {@code none} for an empty ERP
 * @param clock  the gateway's clock
 * @param limits rate limits, body size limits and token lifetime
 */
public record GatewayConfig(String bind, int port, StoreLocation store, String seed, Clock clock, GatewayLimits limits) {
    public GatewayConfig {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(seed, "seed");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (!seed.equals("demo") && !seed.equals("none")) {
            throw new IllegalArgumentException("seed must be 'demo' or 'none', got '" + seed + "'");
        }
    }

    /** A gateway over the SQLite file {@code database}. */
    public GatewayConfig(String bind, int port, Path database, String seed, Clock clock, GatewayLimits limits) {
        this(bind, port, StoreLocation.sqlite(database), seed, clock, limits);
    }

    public GatewayConfig(String bind, int port, Path database, String seed, Clock clock) {
        this(bind, port, database, seed, clock, GatewayLimits.defaults());
    }

    public GatewayConfig(String bind, int port, StoreLocation store, String seed, Clock clock) {
        this(bind, port, store, seed, clock, GatewayLimits.defaults());
    }

    /** The SQLite file of this gateway, or null when it runs on PostgreSQL. */
    public Path database() {
        return store instanceof StoreLocation.SqliteFile f ? f.file() : null;
    }

    /** This configuration with other limits. */
    public GatewayConfig withLimits(GatewayLimits newLimits) {
        return new GatewayConfig(bind, port, store, seed, clock, newLimits);
    }

    /** A gateway on a free loopback port over the given database, seeded with the demo retailer. */
    public static GatewayConfig embedded(Path database) {
        return new GatewayConfig("127.0.0.1", 0, database, "demo", Clock.systemUTC());
    }
}
