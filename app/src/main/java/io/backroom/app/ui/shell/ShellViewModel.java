package io.backroom.app.ui.shell;

import io.backroom.app.services.ConnectionMonitor;
import io.backroom.app.services.ConnectionStatus;
import io.backroom.app.services.ModelCatalog;
import io.backroom.app.services.outbox.OutboxSummary;
import io.backroom.app.services.session.UserSession;
import io.backroom.app.services.session.Workspace;
import io.backroom.app.tasks.TaskExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * State of the main window: navigation, theme and the status bar (connection and server version,
 * user and role, outbox, model versions). Testable without a toolkit.
 */
public final class ShellViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final TaskExecutor executor;
    private final Callable<ConnectionStatus> connector;
    private final Consumer<String> themeSaver;
    private final ZoneId zone;

    // Properties
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper("Connecting to the gateway…");
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper userText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outboxText = new ReadOnlyStringWrapper("Outbox: all sent");
    private final ReadOnlyBooleanWrapper outboxNeedsAttention = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper modelsText = new ReadOnlyStringWrapper("Models: loading…");
    private final ObservableList<Workspace> workspaces = FXCollections.observableArrayList();
    private final ObservableList<Workspace> workspacesView = FXCollections.unmodifiableObservableList(workspaces);
    private final ObjectProperty<Workspace> currentWorkspace = new SimpleObjectProperty<>();
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(false);

    /** The status-bar-only shell of the walking skeleton. */
    public ShellViewModel(TaskExecutor executor, Callable<ConnectionStatus> connector) {
        this(executor, connector, theme -> { }, ZoneId.systemDefault());
    }

    /**
     * @param executor   runs slow work
     * @param connector  opens the connection (starting the embedded gateway) and checks health
     * @param themeSaver remembers the theme the user picked ({@code light} or {@code dark}); runs in the background
     * @param zone       the zone times are shown in
     */
    public ShellViewModel(TaskExecutor executor, Callable<ConnectionStatus> connector, Consumer<String> themeSaver,
                          ZoneId zone) {
        this.executor = executor;
        this.connector = connector;
        this.themeSaver = themeSaver;
        this.zone = zone;
    }

    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** True while the gateway does not answer: the status bar turns red. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty userTextProperty() {
        return userText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outboxTextProperty() {
        return outboxText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty outboxNeedsAttentionProperty() {
        return outboxNeedsAttention.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelsTextProperty() {
        return modelsText.getReadOnlyProperty();
    }

    /** The workspaces the signed-in user may open, in navigation order. */
    public ObservableList<Workspace> workspaces() {
        return workspacesView;
    }

    public ObjectProperty<Workspace> currentWorkspaceProperty() {
        return currentWorkspace;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    // Commands

    /** Connects (starting the embedded sandbox if needed) and checks the gateway's health. */
    public void connect() {
        connectionText.set("Connecting to the gateway…");
        failed.set(false);
        executor.submit(connector, status -> {
            connectionText.set(status.summary());
            connected.set(status.health().isUp());
        }, error -> {
            LOG.warn("Gateway connection failed", error);
            connectionText.set("Not connected: the gateway did not answer. Check the server address, then retry.");
            connected.set(false);
            failed.set(true);
        });
    }

    /** Applies a health check from the connection monitor. */
    public void onConnectionState(ConnectionMonitor.State state) {
        // The words first, then the colour: whoever reacts to the state change reads the new text.
        if (state.up()) {
            connectionText.set(state.status().summary());
            connected.set(true);
            failed.set(false);
        } else {
            connectionText.set(state.status() == null
                    ? "Not connected: the gateway did not answer. Check the server address, then retry."
                    : "Not connected since " + TIME.format(state.since().atZone(zone))
                            + ": the gateway stopped answering. Decisions wait in the outbox; retrying.");
            connected.set(false);
            failed.set(true);
        }
    }

    /** Shows who is signed in and opens the first workspace their role allows. */
    public void signedIn(UserSession session) {
        userText.set(session.statusText());
        workspaces.setAll(Workspace.visibleTo(session.roles()));
        if (currentWorkspace.get() == null || !workspaces.contains(currentWorkspace.get())) {
            currentWorkspace.set(workspaces.isEmpty() ? null : workspaces.get(0));
        }
    }

    /** Opens {@code workspace} if the user may; returns whether it did. */
    public boolean open(Workspace workspace) {
        if (!workspaces.contains(workspace)) {
            return false;
        }
        currentWorkspace.set(workspace);
        return true;
    }

    /** Shows the outbox counts. */
    public void onOutbox(OutboxSummary summary) {
        outboxText.set(summary.text());
        outboxNeedsAttention.set(summary.needingAttention() > 0);
    }

    /** Shows which models run locally. */
    public void onModels(List<ModelCatalog.ModelInfo> models) {
        modelsText.set(models.isEmpty() ? "Models: none loaded"
                : "Models: " + models.stream().map(m -> m.name() + " " + m.version()).collect(Collectors.joining(", ")));
    }

    /** Sets the theme at start-up without saving it. */
    public void useTheme(String theme) {
        darkTheme.set("dark".equals(theme));
    }

    /** Switches light / dark and remembers the choice. */
    public void toggleTheme() {
        darkTheme.set(!darkTheme.get());
        String theme = darkTheme.get() ? "dark" : "light";
        executor.submit(() -> {
            themeSaver.accept(theme);
            return theme;
        }, saved -> { }, error -> LOG.warn("Could not remember the theme", error));
    }

    /** The workspace a binding like "Go to Audit" leads to. */
    public Optional<Workspace> workspaceNamed(String title) {
        return workspaces.stream().filter(w -> w.title().equalsIgnoreCase(title)).findFirst();
    }
}
