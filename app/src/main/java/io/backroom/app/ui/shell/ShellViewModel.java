package io.backroom.app.ui.shell;

import io.backroom.app.services.ConnectionStatus;
import io.backroom.app.tasks.TaskExecutor;
import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** State of the main window: the connection line of the status bar. Testable without a toolkit. */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final TaskExecutor executor;
    private final Callable<ConnectionStatus> connector;

    // Properties
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("Connecting to the gateway…");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    public ShellViewModel(TaskExecutor executor, Callable<ConnectionStatus> connector) {
        this.executor = executor;
        this.connector = connector;
    }

    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    // Commands

    /** Connects (starting the embedded sandbox if needed) and checks the gateway's health. */
    public void connect() {
        connectionText.set("Connecting to the gateway…");
        failed.set(false);
        executor.submit(connector, status -> {
            connected.set(status.health().isUp());
            connectionText.set(status.summary());
        }, error -> {
            LOG.warn("Gateway connection failed", error);
            connected.set(false);
            failed.set(true);
            connectionText.set("Not connected: the gateway did not answer. Check the server address, then retry.");
        });
    }
}
