package io.backroom.app.ui.shell;

import io.backroom.app.ui.keys.KeyBinding;
import io.backroom.app.ui.keys.KeyBindingDispatcher;
import io.backroom.app.ui.keys.KeyBindingRepository;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/**
 * The main window's layout: navigation on the left, the current workspace, overlays (shortcuts,
 * command palette) above it, and the status bar. Binds to {@link ShellViewModel}; no logic.
 */
public final class ShellView extends BorderPane {
    private final ShellViewModel model;
    private final KeyBindingDispatcher dispatcher;
    private final StackPane workspaceHolder = new StackPane();
    private final StackPane overlay = new StackPane();
    private final ShortcutsOverlay shortcuts;
    private final CommandPaletteView palette;
    private final VBox navigation = new VBox(4);
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Label welcome = new Label("Backroom");

    /** The walking skeleton's shell: status bar only. */
    public ShellView(ShellViewModel model) {
        this(model, new KeyBindingDispatcher(KeyBindingRepository.defaults()), new CommandPaletteViewModel());
    }

    /** Hosts the workspaces of {@code model} (see {@link ShellViewModel#useWorkspaces}). */
    public ShellView(ShellViewModel model, KeyBindingDispatcher dispatcher, CommandPaletteViewModel paletteModel) {
        this.model = model;
        this.dispatcher = dispatcher;
        setId("shell");
        KeyBindingRepository keys = dispatcher.repository();
        shortcuts = new ShortcutsOverlay(keys);
        palette = new CommandPaletteView(paletteModel, keys, this::closeOverlay);

        welcome.getStyleClass().add("title-2");
        workspaceHolder.setId("workspace");
        workspaceHolder.getChildren().add(welcome);

        overlay.setId("overlay");
        overlay.getStyleClass().add("overlay-backdrop");
        overlay.setVisible(false);
        overlay.setOnMouseClicked(e -> {
            if (e.getTarget() == overlay) {
                closeOverlay();
            }
        });
        StackPane center = new StackPane(workspaceHolder, overlay);
        setCenter(center);
        setLeft(navigation());
        setBottom(statusBar());

        model.workspaces().addListener((javafx.collections.ListChangeListener<Workspace>) c -> rebuildNavigation());
        model.currentWorkspaceProperty().addListener((obs, was, now) -> show(now));
        rebuildNavigation();
        show(model.currentWorkspaceProperty().get());
    }

    private Node navigation() {
        navigation.setId("navigation");
        navigation.getStyleClass().add("navigation");
        navigation.setPadding(new Insets(12, 8, 12, 8));
        navigation.setPrefWidth(176);
        return navigation;
    }

    private void rebuildNavigation() {
        navigation.getChildren().clear();
        Label brand = new Label("Backroom");
        brand.getStyleClass().addAll("title-4", "brand");
        navigation.getChildren().add(brand);
        for (Workspace w : model.workspaces()) {
            ToggleButton b = new ToggleButton(w.title());
            b.setId("nav-" + w.id());
            b.setToggleGroup(navGroup);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.getStyleClass().add("nav-button");
            b.setSelected(w == model.currentWorkspaceProperty().get());
            KeyBinding go = w.spec().goTo();
            if (go != null) {
                b.setTooltip(new Tooltip(go.label() + "  (" + dispatcher.repository().display(go) + ")"));
            }
            b.setOnAction(e -> {
                model.open(w);
                b.setSelected(true);
            });
            navigation.getChildren().add(b);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Button theme = new Button();
        theme.setId("toggleTheme");
        theme.textProperty().bind(javafx.beans.binding.Bindings.when(model.darkThemeProperty())
                .then("Light theme").otherwise("Dark theme"));
        theme.setTooltip(new Tooltip(KeyBinding.TOGGLE_THEME.label() + "  ("
                + dispatcher.repository().display(KeyBinding.TOGGLE_THEME) + ")"));
        theme.setMaxWidth(Double.MAX_VALUE);
        theme.getStyleClass().add("flat");
        theme.setOnAction(e -> model.toggleTheme());
        Button signOut = new Button("Sign out");
        signOut.setId("signOut");
        signOut.setTooltip(new Tooltip(KeyBinding.SIGN_OUT.label() + "  ("
                + dispatcher.repository().display(KeyBinding.SIGN_OUT) + ")"));
        signOut.setMaxWidth(Double.MAX_VALUE);
        signOut.getStyleClass().add("flat");
        signOut.visibleProperty().bind(model.signedInProperty());
        signOut.managedProperty().bind(model.signedInProperty());
        signOut.setOnAction(e -> model.signOut());
        Label hints = new Label(dispatcher.repository().display(KeyBinding.COMMAND_PALETTE) + "  commands\n"
                + dispatcher.repository().display(KeyBinding.SHOW_SHORTCUTS) + "  shortcuts");
        hints.setId("shortcutHints");
        hints.getStyleClass().add("text-muted");
        navigation.getChildren().addAll(spacer, hints, theme, signOut);
    }

    private void show(Workspace workspace) {
        if (workspace == null) {
            dispatcher.setWorkspaceActions(Map.of());
            workspaceHolder.getChildren().setAll(welcome);
            return;
        }
        workspaceHolder.getChildren().setAll(workspace.view());
        dispatcher.setWorkspaceActions(workspace.keyActions());
        navGroup.getToggles().forEach(t -> t.setSelected(((ToggleButton) t).getId().equals("nav-" + workspace.id())));
    }

    /** The shortcuts this user can use now: the shell's and their workspaces'. */
    Set<KeyBinding> offeredShortcuts() {
        Set<KeyBinding> offered = EnumSet.noneOf(KeyBinding.class);
        offered.addAll(dispatcher.shellBindings());
        for (Workspace w : model.workspaces()) {
            if (w.spec().goTo() != null) {
                offered.add(w.spec().goTo());
            }
            offered.addAll(w.spec().shortcuts());
        }
        return offered;
    }

    private Node statusBar() {
        StatusBar statusBar = new StatusBar();
        statusBar.setId("statusBar");
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.textProperty().bind(model.connectionTextProperty());
        model.failedProperty().addListener((obs, was, failed) -> {
            if (failed) {
                connection.getStyleClass().add("danger");
                statusBar.getStyleClass().add("offline");
            } else {
                connection.getStyleClass().remove("danger");
                statusBar.getStyleClass().remove("offline");
            }
        });
        Label user = new Label();
        user.setId("userStatus");
        user.textProperty().bind(javafx.beans.binding.Bindings.when(model.signedInProperty())
                .then(model.userTextProperty()).otherwise(model.sessionMessageProperty()));
        Label outbox = new Label();
        outbox.setId("outboxStatus");
        outbox.textProperty().bind(model.outboxTextProperty());
        model.outboxNeedsAttentionProperty().addListener((obs, was, attention) -> {
            if (attention) {
                outbox.getStyleClass().add("warning");
            } else {
                outbox.getStyleClass().remove("warning");
            }
        });
        Label models = new Label();
        models.setId("modelStatus");
        models.textProperty().bind(model.modelsTextProperty());
        statusBar.setText("");
        statusBar.getLeftItems().addAll(connection, new Separator(Orientation.VERTICAL), user);
        statusBar.getRightItems().addAll(outbox, new Separator(Orientation.VERTICAL), models);
        return statusBar;
    }

    /** Shows the sign-in screen in place of a workspace (until {@link ShellViewModel#signedIn}). */
    public void showSignIn(Node signIn) {
        workspaceHolder.getChildren().setAll(signIn);
    }

    /** Shows the keyboard shortcuts overlay, or hides it if shown. */
    public void toggleShortcuts() {
        if (overlay.isVisible() && overlay.getChildren().contains(shortcuts)) {
            closeOverlay();
        } else {
            shortcuts.show(offeredShortcuts());
            overlay.getChildren().setAll(shortcuts);
            overlay.setVisible(true);
            overlay.requestFocus();
        }
    }

    /** Shows the command palette with the focus in its search field. */
    public void showPalette() {
        overlay.getChildren().setAll(palette);
        overlay.setVisible(true);
        palette.focusQuery();
    }

    /** Hides whichever overlay is shown; returns whether one was. */
    public boolean closeOverlay() {
        boolean wasVisible = overlay.isVisible();
        overlay.setVisible(false);
        overlay.getChildren().clear();
        if (wasVisible) {
            workspaceHolder.requestFocus();
        }
        return wasVisible;
    }
}
