package io.backroom.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backroom.app.AppContext;
import io.backroom.app.AppVersion;
import io.backroom.app.services.ConnectionMonitor;
import io.backroom.app.services.Subscription;
import io.backroom.app.services.outbox.CommandOutbox;
import io.backroom.app.services.outbox.OutboxSender;
import io.backroom.app.services.session.UserSession;
import io.backroom.app.tasks.BlockingWorkGuard;
import io.backroom.app.ui.common.LayoutMemory;
import io.backroom.app.ui.keys.KeyBinding;
import io.backroom.app.ui.keys.KeyBindingDispatcher;
import io.backroom.app.ui.keys.KeyBindingRepository;
import io.backroom.app.ui.shell.Command;
import io.backroom.app.ui.shell.CommandPaletteViewModel;
import io.backroom.app.ui.shell.ShellView;
import io.backroom.app.ui.shell.ShellViewModel;
import io.backroom.app.ui.shell.Workspace;
import io.backroom.app.ui.shell.WorkspaceContext;
import io.backroom.app.ui.shell.WorkspaceRegistry;
import io.backroom.app.ui.shell.WorkspaceSpec;
import io.backroom.app.ui.signin.SignInView;
import io.backroom.app.ui.signin.SignInViewModel;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the main window on a stage and wires view models to the context's services. Used by the
 * application and by UI tests alike.
 */
public final class MainWindow implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MainWindow.class);
    static final String THEME = "ui.theme";
    static final String BOUNDS = "ui.window.bounds";
    static final String MAXIMIZED = "ui.window.maximized";

    private final ShellViewModel model;
    private final ShellView view;
    private final AppContext context;
    private final UiTaskExecutor executor;
    private ConnectionMonitor monitor;
    private Subscription sessionOutbox = () -> { };

    private MainWindow(ShellViewModel model, ShellView view, AppContext context, UiTaskExecutor executor) {
        this.model = model;
        this.view = view;
        this.context = context;
        this.executor = executor;
    }

    /** Applies the theme, lays out the shell on {@code stage}, shows it and starts connecting. */
    public static MainWindow show(Stage stage, AppContext context, UiTaskExecutor executor) {
        return show(stage, context, executor, Workspaces.standard());
    }

    /** {@link #show(Stage, AppContext, UiTaskExecutor)} with the workspaces of {@code registry}. */
    public static MainWindow show(Stage stage, AppContext context, UiTaskExecutor executor, WorkspaceRegistry registry) {
        BlockingWorkGuard.install(Platform::isFxApplicationThread);
        Map<String, String> settings = context.startupSettings();
        ZoneId zone = ZoneId.systemDefault();
        ShellViewModel model = new ShellViewModel(executor, context::connect,
                theme -> context.settings().put(THEME, theme), zone);
        String theme = context.config().themeSet() ? context.config().theme() : settings.getOrDefault(THEME, context.config().theme());
        model.useTheme(theme);

        KeyBindingRepository keys = new KeyBindingRepository(settings);
        KeyBindingDispatcher dispatcher = new KeyBindingDispatcher(keys);
        CommandPaletteViewModel palette = new CommandPaletteViewModel();
        LayoutMemory layouts = new LayoutMemory(executor, settings, context.settings());
        Duration feedInterval = Duration.ofMillis(Long.getLong("backroom.feedIntervalMillis", 3000));
        model.useWorkspaces(registry, new WorkspaceContext(context, executor, keys, layouts, settings, zone, feedInterval));
        for (WorkspaceSpec spec : registry.all()) {
            spec.senders().forEach(context::registerSender);
        }
        ShellView view = new ShellView(model, dispatcher, palette);

        dispatcher.onShell(KeyBinding.SHOW_SHORTCUTS, view::toggleShortcuts);
        dispatcher.onShell(KeyBinding.COMMAND_PALETTE, view::showPalette);
        dispatcher.onShell(KeyBinding.CLOSE_OVERLAY, view::closeOverlay);
        dispatcher.onShell(KeyBinding.TOGGLE_THEME, model::toggleTheme);
        dispatcher.onShell(KeyBinding.SIGN_OUT, model::signOut);
        Runnable offerWorkspaces = () -> {
            Map<KeyBinding, Runnable> goTo = new EnumMap<>(KeyBinding.class);
            model.workspaces().forEach(w -> {
                if (w.spec().goTo() != null) {
                    goTo.put(w.spec().goTo(), () -> model.open(w));
                }
            });
            dispatcher.setNavigationActions(goTo);
            palette.setCommands(commands(model, view));
        };
        model.workspaces().addListener((ListChangeListener<Workspace>) c -> offerWorkspaces.run());
        model.signedInProperty().addListener((o, was, now) -> offerWorkspaces.run());
        offerWorkspaces.run();

        Scene scene = new Scene(view, Math.min(1680, Screen.getPrimary().getVisualBounds().getWidth() * 0.94),
                Math.min(1050, Screen.getPrimary().getVisualBounds().getHeight() * 0.94));
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/io/backroom/app/backroom.css")).toExternalForm());
        dispatcher.install(scene);
        applyTheme(view, model.darkThemeProperty().get());
        model.darkThemeProperty().addListener((obs, was, dark) -> applyTheme(view, dark));

        stage.setTitle("Backroom " + AppVersion.get());
        stage.setScene(scene);
        restoreBounds(stage, settings);
        stage.setOnHiding(e -> saveBounds(stage, context, executor));
        stage.show();
        LOG.info("Main window shown {} ms after the JVM started",
                System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());

        MainWindow window = new MainWindow(model, view, context, executor);
        model.useSignOut(context::signOut, window::endSession);
        context.session().ifPresentOrElse(window::startSession, window::showSignIn);
        executor.submit(context.models()::loaded, model::onModels, error -> {
            LOG.warn("Loading the local models failed", error);
            model.onModels(List.of());
        });
        window.monitor = new ConnectionMonitor(context::connect, context.clock(), state -> executor.onUi(() -> {
            model.onConnectionState(state);
            if (state.up()) {
                context.outboxSender().ifPresent(OutboxSender::wake);
            }
        }));
        window.monitor.start(Duration.ofMillis(Long.getLong("backroom.healthIntervalMillis", 5000)));
        return window;
    }

    private void showSignIn() {
        SignInViewModel signInModel = new SignInViewModel(executor, context.embedded(), context::signIn, this::startSession);
        if (!context.embedded()) {
            // A wrong --server: the message names the address, and the address can be corrected right here.
            signInModel.useServer(context.serverAddress(), context::useServer);
        }
        SignInView signIn = new SignInView(signInModel);
        view.showSignIn(signIn);
        signIn.focus();
    }

    /** The user signed out: the status bar stops following their outbox and the sign-in screen shows. */
    private void endSession() {
        view.closeOverlay();
        sessionOutbox.cancel();
        sessionOutbox = () -> { };
        showSignIn();
    }

    /** A user signed in: their workspaces, and the status bar following their outbox. */
    private void startSession(UserSession session) {
        model.signedIn(session);
        sessionOutbox.cancel();
        CommandOutbox commands = context.commands();
        sessionOutbox = commands.onChange(summary -> executor.onUi(() -> model.onOutbox(summary)));
        executor.submit(commands::summary, model::onOutbox, error -> LOG.warn("Reading the outbox failed", error));
    }

    /** The shell's state. */
    public ShellViewModel model() {
        return model;
    }

    /** The shell's layout. */
    public ShellView view() {
        return view;
    }

    private static List<Command> commands(ShellViewModel model, ShellView view) {
        List<Command> commands = new ArrayList<>();
        for (Workspace w : model.workspaces()) {
            commands.add(new Command(w.title(), "Go to", w.spec().goTo(), () -> model.open(w)));
        }
        for (Workspace w : model.workspaces()) {
            for (Command c : w.commands()) {
                commands.add(new Command(c.title(), c.category(), c.binding(), () -> {
                    model.open(w);
                    c.action().run();
                }));
            }
        }
        commands.add(new Command("Switch light / dark theme", "View", KeyBinding.TOGGLE_THEME, model::toggleTheme));
        commands.add(new Command("Show keyboard shortcuts", "Help", KeyBinding.SHOW_SHORTCUTS, view::toggleShortcuts));
        commands.add(new Command("Reconnect to the gateway", "Gateway", null, model::connect));
        if (model.signedInProperty().get()) {
            commands.add(new Command("Sign out / switch user", "Session", KeyBinding.SIGN_OUT, model::signOut));
        }
        return commands;
    }

    private static void applyTheme(ShellView view, boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        view.getStyleClass().removeAll("theme-dark", "theme-light");
        view.getStyleClass().add(dark ? "theme-dark" : "theme-light");
    }

    private static void restoreBounds(Stage stage, Map<String, String> settings) {
        String saved = settings.get(BOUNDS);
        if (saved != null) {
            try {
                String[] p = saved.split(",");
                Rectangle2D r = new Rectangle2D(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                        Double.parseDouble(p[2]), Double.parseDouble(p[3]));
                if (r.getWidth() >= 400 && r.getHeight() >= 300
                        && !Screen.getScreensForRectangle(r.getMinX(), r.getMinY(), 80, 40).isEmpty()) {
                    stage.setX(r.getMinX());
                    stage.setY(r.getMinY());
                    stage.setWidth(r.getWidth());
                    stage.setHeight(r.getHeight());
                }
            } catch (RuntimeException e) {
                LOG.warn("Ignoring the saved window bounds '{}'", saved);
            }
        }
        stage.setMaximized(Boolean.parseBoolean(settings.getOrDefault(MAXIMIZED, "false")));
    }

    private static void saveBounds(Stage stage, AppContext context, UiTaskExecutor executor) {
        boolean maximized = stage.isMaximized();
        String bounds = stage.getX() + "," + stage.getY() + "," + stage.getWidth() + "," + stage.getHeight();
        executor.submit(() -> {
            context.settings().put(MAXIMIZED, Boolean.toString(maximized));
            if (!maximized) {
                context.settings().put(BOUNDS, bounds);
            }
            return bounds;
        }, b -> { }, error -> LOG.warn("Could not remember the window's size and position", error));
    }

    @Override
    public void close() {
        monitor.close();
        sessionOutbox.cancel();
        if (Platform.isFxApplicationThread()) {
            model.signedOut();
        } else {
            Platform.runLater(model::signedOut);
        }
    }
}
