package io.backroom.app.ui.keys;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyEvent;

/**
 * Dispatches key events to actions from one place. The shell and the active workspace register
 * the actions they offer; the dispatcher looks the event up in the {@link KeyBindingRepository}.
 * A plain single-key shortcut is ignored while the focus is in a text field, so typing a note
 * never releases an invoice.
 */
public final class KeyBindingDispatcher {
    private final KeyBindingRepository repository;
    private final Map<KeyBinding, Runnable> shellActions = new EnumMap<>(KeyBinding.class);
    private final Map<KeyBinding, Runnable> workspaceActions = new EnumMap<>(KeyBinding.class);
    private final Map<KeyBinding, Runnable> navigationActions = new EnumMap<>(KeyBinding.class);

    /** A text field with this node property handles Esc itself instead of the shell. */
    public static final String OWN_ESCAPE = "backroom.ownEscape";

    public KeyBindingDispatcher(KeyBindingRepository repository) {
        this.repository = repository;
    }

    public KeyBindingRepository repository() {
        return repository;
    }

    /** Installs the dispatcher as a key event filter of {@code scene}. */
    public void install(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> handle(e, scene));
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> handle(e, scene));
    }

    /** An action available everywhere. */
    public void onShell(KeyBinding binding, Runnable action) {
        shellActions.put(binding, action);
    }

    /** The shortcuts available everywhere. */
    public java.util.Set<KeyBinding> shellBindings() {
        return java.util.Set.copyOf(shellActions.keySet());
    }

    /** Replaces the "go to" shortcuts (called when the signed-in user's workspaces change). */
    public void setNavigationActions(Map<KeyBinding, Runnable> actions) {
        navigationActions.clear();
        navigationActions.putAll(actions);
    }

    /** Replaces the actions of the active workspace (called when the workspace changes). */
    public void setWorkspaceActions(Map<KeyBinding, Runnable> actions) {
        workspaceActions.clear();
        workspaceActions.putAll(actions);
    }

    private void handle(KeyEvent event, Scene scene) {
        Optional<KeyBinding> binding = repository.match(event);
        if (binding.isEmpty()) {
            return;
        }
        KeyBinding b = binding.get();
        Node focus = scene.getFocusOwner();
        boolean typing = focus instanceof TextInputControl;
        if (typing && repository.isPlainKey(b) && b != KeyBinding.CLOSE_OVERLAY) {
            return;
        }
        if (typing && b == KeyBinding.CLOSE_OVERLAY && focus.getProperties().containsKey(OWN_ESCAPE)) {
            return; // the field handles Esc itself (the queue's search clears, then leaves)
        }
        Runnable action = workspaceActions.getOrDefault(b, navigationActions.getOrDefault(b, shellActions.get(b)));
        if (action != null) {
            event.consume();
            action.run();
        }
    }
}
