package io.backroom.app.services;

import io.backroom.api.model.Health;
import io.backroom.app.config.AppConfig;
import io.backroom.gateway.GatewayConfig;
import io.backroom.gateway.GatewayServer;
import io.backroom.sdk.BackroomClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's link to a gateway: the remote one the user configured, or an embedded sandbox
 * started in this process on a free loopback port. Either way every call goes over HTTP through
 * the SDK; the embedded case is not special beyond who starts the server.
 */
public final class GatewayConnection implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayConnection.class);

    private final BackroomClient client;
    private final GatewayServer embedded;

    private GatewayConnection(BackroomClient client, GatewayServer embedded) {
        this.client = client;
        this.embedded = embedded;
    }

    /** Connects as configured; starts the embedded sandbox when no server is set. Slow: not on the FX thread. */
    public static GatewayConnection open(AppConfig config) {
        Optional<URI> server = config.server();
        if (server.isPresent()) {
            LOG.info("Using remote gateway {}", server.get());
            return new GatewayConnection(BackroomClient.builder().baseUrl(server.get()).build(), null);
        }
        try {
            Files.createDirectories(config.sandboxDatabase().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the sandbox folder " + config.sandboxDatabase().getParent(), e);
        }
        GatewayServer server1 = GatewayServer.start(GatewayConfig.embedded(config.sandboxDatabase()));
        LOG.info("Started embedded sandbox gateway at {}", server1.baseUrl());
        return new GatewayConnection(BackroomClient.builder().baseUrl(server1.baseUrl()).build(), server1);
    }

    public BackroomClient client() {
        return client;
    }

    /** Whether this connection runs its own sandbox gateway. */
    public boolean isEmbedded() {
        return embedded != null;
    }

    /** Calls the gateway's health route. Slow: not on the FX thread. */
    public ConnectionStatus check() {
        Health health = client.health();
        return new ConnectionStatus(isEmbedded(), client.baseUrl(), health);
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
