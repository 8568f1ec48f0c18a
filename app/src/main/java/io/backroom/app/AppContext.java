package io.backroom.app;

import io.backroom.app.config.AppConfig;
import io.backroom.app.services.ConnectionStatus;
import io.backroom.app.services.GatewayConnection;

/**
 * Everything the running console shares: its settings and, once opened, its gateway connection.
 * Created before the window; closed when the application stops.
 */
public final class AppContext implements AutoCloseable {
    private final AppConfig config;
    private volatile GatewayConnection connection;

    public AppContext(AppConfig config) {
        this.config = config;
    }

    public AppConfig config() {
        return config;
    }

    /** Opens the gateway connection if needed and checks its health. Slow: never on the FX thread. */
    public synchronized ConnectionStatus connect() {
        if (connection == null) {
            connection = GatewayConnection.open(config);
        }
        return connection.check();
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
