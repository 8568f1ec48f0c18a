package io.backroom.app.ui.shell;

import io.backroom.app.ui.keys.KeyBinding;
import java.util.Map;
import javafx.scene.Node;

/**
 * A workspace as the shell hosts it.
 *
 * @param node       its view
 * @param keyActions the shortcuts it handles while shown
 * @param onShow     runs each time it is shown (for example, to refresh)
 */
public record WorkspaceContent(Node node, Map<KeyBinding, Runnable> keyActions, Runnable onShow) {
}
