package io.backroom.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backroom.app.AppContext;
import io.backroom.app.AppVersion;
import io.backroom.app.services.ConnectionMonitor;
import io.backroom.app.services.outbox.OutboxSender;
import io.backroom.app.services.invoices.AdviceService;
import io.backroom.app.services.invoices.ChangeFeedWatcher;
import io.backroom.app.services.invoices.DocumentCheck;
import io.backroom.app.services.invoices.DecisionService;
import io.backroom.app.services.invoices.InvoiceQueueService;
import io.backroom.app.services.invoices.Prioritiser;
import io.backroom.app.services.session.UserSession;
import io.backroom.app.ui.common.LayoutMemory;
import io.backroom.app.ui.invoices.InvoiceQueueViewModel;
import io.backroom.app.services.session.Workspace;
import io.backroom.app.ui.signin.SignInView;
import io.backroom.app.ui.signin.SignInViewModel;
import io.backroom.app.tasks.BlockingWorkGuard;
import io.backroom.app.ui.audit.AuditView;
import io.backroom.app.ui.audit.AuditViewModel;
import io.backroom.app.ui.invoices.InvoicesView;
import io.backroom.app.ui.invoices.InvoicesViewModel;
import io.backroom.app.ui.invoices.SavedViewsViewModel;
import io.backroom.app.ui.keys.KeyBinding;
import io.backroom.app.ui.keys.KeyBindingDispatcher;
import io.backroom.app.ui.keys.KeyBindingRepository;
import io.backroom.app.ui.shell.Command;
import io.backroom.app.ui.shell.CommandPaletteViewModel;
import io.backroom.app.ui.shell.ShellView;
import io.backroom.app.ui.shell.ShellViewModel;
import io.backroom.app.ui.shell.WorkspaceContent;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
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
    private final ConnectionMonitor monitor;
    private final ChangeFeedWatcher feed;

    private MainWindow(ShellViewModel model, ShellView view, ConnectionMonitor monitor, ChangeFeedWatcher feed) {
        this.model = model;
        this.view = view;
        this.monitor = monitor;
        this.feed = feed;
    }

    /** Applies the theme, lays out the shell on {@code stage}, shows it and starts connecting. */
    public static MainWindow show(Stage stage, AppContext context, UiTaskExecutor executor) {
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
        AuditViewModel auditModel = new AuditViewModel(executor, context.audit(), context.auditReport(),
                context.config().reportDirectory(), () -> context.session().map(UserSession::username).orElse("unknown"), context.clock(), zone);
        InvoicesViewModel invoicesModel = new InvoicesViewModel(executor, context.outbox(), zone);
        InvoiceQueueService queueService = new InvoiceQueueService(context::client, Prioritiser.moneyAtRisk(),
                context.clock(), zone);
        if (context.embedded()) {
            queueService.expectDemoRetailer();
        }
        AdviceService advice = new AdviceService(context::client, context.models(), context.audit(), context.clock(), zone);
        InvoiceQueueViewModel queueModel = new InvoiceQueueViewModel(executor, queueService,
                new DecisionService(context.outbox(), context::outboxSender), advice,
                new DocumentCheck(context.models(), context.audit()),
                () -> context.session().map(UserSession::username).orElse("unknown"), context.clock(), zone);
        queueModel.useAuthority(context::authority);
        queueModel.useUndoWindow(Duration.ofMillis(Long.getLong("backroom.undoWindowMillis", 5000)));
        invoicesModel.useLabels(queueModel::invoiceLabel);
        invoicesModel.onUnsent(queueModel::onUnsent);
        auditModel.useLabels(queueModel::invoiceLabel);
        SavedViewsViewModel savedViews = new SavedViewsViewModel(executor, queueModel, settings, context.settings());
        LayoutMemory layouts = new LayoutMemory(executor, settings, context.settings());
        java.util.concurrent.atomic.AtomicReference<InvoicesView> invoicesView = new java.util.concurrent.atomic.AtomicReference<>();
        ShellView view = new ShellView(model, dispatcher, workspace -> switch (workspace) {
            case INVOICES -> {
                InvoicesView v = new InvoicesView(queueModel, invoicesModel, savedViews, layouts, keys);
                invoicesView.set(v);
                yield new WorkspaceContent(v, v.keyActions(), v::activate);
            }
            case AUDIT -> {
                AuditView v = new AuditView(auditModel, keys, layouts);
                yield new WorkspaceContent(v, v.keyActions(), auditModel::refresh);
            }
            default -> null;
        }, palette);

        dispatcher.onShell(KeyBinding.SHOW_SHORTCUTS, view::toggleShortcuts);
        dispatcher.onShell(KeyBinding.COMMAND_PALETTE, view::showPalette);
        dispatcher.onShell(KeyBinding.CLOSE_OVERLAY, view::closeOverlay);
        dispatcher.onShell(KeyBinding.TOGGLE_THEME, model::toggleTheme);
        dispatcher.onShell(KeyBinding.GO_INVOICES, () -> model.open(Workspace.INVOICES));
        dispatcher.onShell(KeyBinding.GO_AUDIT, () -> model.open(Workspace.AUDIT));
        palette.setCommands(commands(model, view, auditModel, invoicesModel, invoicesView));

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

        context.session().ifPresentOrElse(model::signedIn, () -> {
            SignInViewModel signInModel = new SignInViewModel(executor, context.embedded(), context::signIn, model::signedIn);
            if (!context.embedded()) {
                // A wrong --server: the message names the address, and the address can be corrected right here.
                signInModel.useServer(context.serverAddress(), context::useServer);
            }
            SignInView signIn = new SignInView(signInModel);
            view.showSignIn(signIn);
            signIn.focus();
        });
        context.outbox().onChange(summary -> executor.onUi(() -> {
            model.onOutbox(summary);
            invoicesModel.refresh();
        }));
        ChangeFeedWatcher feed = new ChangeFeedWatcher(queueService, changes -> executor.onUi(queueModel::reload));
        Duration feedInterval = Duration.ofMillis(Long.getLong("backroom.feedIntervalMillis", 3000));
        model.userTextProperty().addListener((o, was, now) -> feed.start(feedInterval));
        if (!model.userTextProperty().get().isEmpty()) {
            feed.start(feedInterval);
        }
        context.audit().onAppend(entry -> executor.onUi(auditModel::refresh));
        executor.submit(context.outbox()::summary, model::onOutbox, error -> LOG.warn("Reading the outbox failed", error));
        executor.submit(context.models()::loaded, model::onModels, error -> {
            LOG.warn("Loading the local models failed", error);
            model.onModels(List.of());
        });
        ConnectionMonitor monitor = new ConnectionMonitor(context::connect, context.clock(), state -> executor.onUi(() -> {
            model.onConnectionState(state);
            if (state.up()) {
                context.outboxSender().ifPresent(OutboxSender::wake);
            }
        }));
        monitor.start(Duration.ofMillis(Long.getLong("backroom.healthIntervalMillis", 5000)));
        return new MainWindow(model, view, monitor, feed);
    }

    /** The shell's state. */
    public ShellViewModel model() {
        return model;
    }

    /** The shell's layout. */
    public ShellView view() {
        return view;
    }

    private static void runInvoices(java.util.concurrent.atomic.AtomicReference<InvoicesView> view, KeyBinding key) {
        InvoicesView v = view.get();
        if (v != null) {
            v.keyActions().get(key).run();
        }
    }

    private static List<Command> commands(ShellViewModel model, ShellView view, AuditViewModel audit,
                                          InvoicesViewModel invoices,
                                          java.util.concurrent.atomic.AtomicReference<InvoicesView> invoicesView) {
        List<Command> commands = new ArrayList<>();
        for (Workspace w : model.workspaces().isEmpty() ? List.of(Workspace.values()) : model.workspaces()) {
            KeyBinding b = w == Workspace.INVOICES ? KeyBinding.GO_INVOICES : w == Workspace.AUDIT ? KeyBinding.GO_AUDIT : null;
            commands.add(new Command(w.title(), "Go to", b, () -> model.open(w)));
        }
        commands.add(new Command("Verify audit log integrity", "Audit", KeyBinding.VERIFY_AUDIT, () -> {
            model.open(Workspace.AUDIT);
            audit.verify();
        }));
        commands.add(new Command("Export audit report (PDF)", "Audit", KeyBinding.EXPORT_AUDIT, () -> {
            model.open(Workspace.AUDIT);
            audit.export();
        }));
        commands.add(new Command("Retry failed decisions", "Decisions", KeyBinding.RETRY_OUTBOX, () -> {
            model.open(Workspace.INVOICES);
            invoices.retryFailed();
        }));
        commands.add(new Command("Show decisions not yet sent", "Decisions", KeyBinding.SHOW_OUTBOX, () -> {
            model.open(Workspace.INVOICES);
            runInvoices(invoicesView, KeyBinding.SHOW_OUTBOX);
        }));
        commands.add(new Command("Undo the last decision", "Decisions", KeyBinding.UNDO_DECISION, () -> {
            model.open(Workspace.INVOICES);
            runInvoices(invoicesView, KeyBinding.UNDO_DECISION);
        }));
        commands.add(new Command("Select every invoice within the price tolerance", "Decisions",
                KeyBinding.SELECT_WITHIN_TOLERANCE, () -> {
                    model.open(Workspace.INVOICES);
                    runInvoices(invoicesView, KeyBinding.SELECT_WITHIN_TOLERANCE);
                }));
        commands.add(new Command("Switch light / dark theme", "View", KeyBinding.TOGGLE_THEME, model::toggleTheme));
        commands.add(new Command("Show keyboard shortcuts", "Help", KeyBinding.SHOW_SHORTCUTS, view::toggleShortcuts));
        commands.add(new Command("Reconnect to the gateway", "Gateway", null, model::connect));
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
        feed.close();
    }
}
