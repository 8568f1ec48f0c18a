package io.backroom.app.ui.shell;

import io.backroom.app.services.ConnectionMonitor;
import io.backroom.app.services.ConnectionStatus;
import io.backroom.app.services.ModelCatalog;
import io.backroom.app.services.outbox.OutboxSummary;
import io.backroom.app.services.session.UserSession;
import io.backroom.app.tasks.TaskExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
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
    private final ReadOnlyObjectWrapper<Workspace> currentWorkspace = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper signedIn = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper sessionMessage = new ReadOnlyStringWrapper("");
    private Callable<Boolean> endSession = () -> false;
    private Runnable afterSignOut = () -> { };
    private WorkspaceRegistry registry = WorkspaceRegistry.empty();
    private WorkspaceContext workspaceContext;
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

    /**
     * Where the workspaces come from: {@code registry}, each built with {@code context} for the
     * session of the user who signs in.
     */
    public void useWorkspaces(WorkspaceRegistry registry, WorkspaceContext context) {
        this.registry = registry;
        this.workspaceContext = context;
    }

    /**
     * How a session ends: {@code endSession} revokes it on the gateway and forgets it (slow; returns
     * whether the gateway confirmed), {@code afterSignOut} shows the sign-in screen.
     */
    public void useSignOut(Callable<Boolean> endSession, Runnable afterSignOut) {
        this.endSession = endSession;
        this.afterSignOut = afterSignOut;
    }

    /** Whether someone is signed in. */
    public ReadOnlyBooleanProperty signedInProperty() {
        return signedIn.getReadOnlyProperty();
    }

    /** What happened to the last session ("Signed out." ...), for the sign-in screen. */
    public ReadOnlyStringProperty sessionMessageProperty() {
        return sessionMessage.getReadOnlyProperty();
    }

    /** The registered workspaces (whether or not the user may use them). */
    public WorkspaceRegistry registry() {
        return registry;
    }

    /** The signed-in user's workspaces (the ones their role may use), in navigation order. */
    public ObservableList<Workspace> workspaces() {
        return workspacesView;
    }

    /** The workspace shown (and active), or {@code null}. */
    public ReadOnlyObjectProperty<Workspace> currentWorkspaceProperty() {
        return currentWorkspace.getReadOnlyProperty();
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

    /**
     * Shows who is signed in, builds their workspaces (fresh for each session; those of a previous
     * session are disposed of) and opens the first one, or the one of the same id shown before.
     */
    public void signedIn(UserSession session) {
        String shown = currentWorkspace.get() == null ? null : currentWorkspace.get().id();
        closeWorkspaces();
        userText.set(session.statusText());
        signedIn.set(true);
        sessionMessage.set("");
        workspaces.setAll(registry.createFor(session.roles(), workspaceContext));
        Workspace first = workspaces.stream().filter(w -> w.id().equals(shown)).findFirst()
                .orElse(workspaces.isEmpty() ? null : workspaces.get(0));
        if (first != null) {
            open(first);
        }
    }

    /** The session ended: every workspace is deactivated and disposed of; nothing of the user stays shown. */
    public void signedOut() {
        signedIn.set(false);
        closeWorkspaces();
        userText.set("");
        outboxText.set(""); // whose outbox: nobody's, until the next user signs in
        outboxNeedsAttention.set(false);
    }

    /**
     * Sign out / switch user: at once, every workspace of the user is closed and disposed of and the
     * sign-in screen shows; in the background the session is revoked on the gateway and forgotten.
     * The user's unsent commands stay in the outbox, for them only.
     */
    public void signOut() {
        if (!signedIn.get()) {
            return;
        }
        String who = userText.get();
        signedOut();
        sessionMessage.set("Signing out…");
        afterSignOut.run();
        executor.submit(endSession, revoked -> sessionMessage.set(revoked ? "Signed out. Sign in to continue."
                        : "Signed out here; the gateway did not answer, so the session ends there when it expires."),
                error -> {
                    LOG.warn("Signing out {} failed", who, error);
                    sessionMessage.set("Signed out here; ending the session on the gateway failed. It expires on its own.");
                });
    }

    private void closeWorkspaces() {
        Workspace shown = currentWorkspace.get();
        if (shown != null) {
            shown.deactivate();
        }
        currentWorkspace.set(null);
        List<Workspace> old = List.copyOf(workspaces);
        workspaces.clear();
        old.forEach(Workspace::dispose);
    }

    /**
     * Shows {@code workspace} if it is one of the user's: the one shown before is deactivated first,
     * then the new one is shown and activated. Returns whether it did.
     */
    public boolean open(Workspace workspace) {
        if (workspace == null || !workspaces.contains(workspace)) {
            return false;
        }
        Workspace shown = currentWorkspace.get();
        if (shown == workspace) {
            return true;
        }
        if (shown != null) {
            shown.deactivate();
        }
        currentWorkspace.set(workspace);
        workspace.activate();
        return true;
    }

    /** Opens the user's workspace with this id; returns whether it did (false for one they may not use or that does not exist). */
    public boolean open(String id) {
        return workspaces.stream().filter(w -> w.id().equals(id)).findFirst().map(this::open).orElse(false);
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

    /** The user's workspace titled {@code title}, if any. */
    public Optional<Workspace> workspaceNamed(String title) {
        return workspaces.stream().filter(w -> w.title().equalsIgnoreCase(title)).findFirst();
    }
}
