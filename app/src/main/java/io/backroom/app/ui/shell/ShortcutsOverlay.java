package io.backroom.app.ui.shell;

import io.backroom.app.ui.keys.KeyBinding;
import io.backroom.app.ui.keys.KeyBindingRepository;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The {@code ?} overlay: the shortcuts from the {@link KeyBinding} registry that this user can use
 * (the shell's and those of their workspaces), by category.
 */
final class ShortcutsOverlay extends VBox {
    private final KeyBindingRepository keys;

    ShortcutsOverlay(KeyBindingRepository keys) {
        this.keys = keys;
        setId("shortcutsOverlay");
        getStyleClass().add("overlay-card");
        setMaxSize(760, 560);
        setSpacing(12);
        setPadding(new Insets(20));
        setAlignment(Pos.TOP_LEFT);
        show(java.util.EnumSet.allOf(KeyBinding.class));
    }

    /** Lists {@code offered}, and nothing else. */
    void show(java.util.Set<KeyBinding> offered) {
        getChildren().clear();
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("title-3");
        Label hint = new Label("Esc or ? closes this. Single-key shortcuts are off while you type in a field.");
        hint.getStyleClass().add("text-muted");
        HBox columns = new HBox(28);
        VBox left = new VBox(10);
        VBox right = new VBox(10);
        columns.getChildren().addAll(left, right);
        int i = 0;
        for (KeyBinding.Category category : KeyBinding.Category.values()) {
            GridPane grid = new GridPane();
            grid.setHgap(12);
            grid.setVgap(4);
            grid.getColumnConstraints().addAll(new ColumnConstraints(130), new ColumnConstraints(220));
            int row = 0;
            for (KeyBinding b : KeyBinding.values()) {
                if (b.category() != category || !offered.contains(b)) {
                    continue;
                }
                Label key = new Label(keys.display(b));
                key.getStyleClass().add("kbd");
                Label label = new Label(b.label());
                label.setWrapText(true);
                grid.addRow(row++, key, label);
            }
            if (row == 0) {
                continue;
            }
            Label heading = new Label(category.title());
            heading.getStyleClass().add("title-4");
            VBox block = new VBox(6, heading, grid);
            (i++ % 2 == 0 ? left : right).getChildren().add(block);
        }
        getChildren().addAll(title, hint, columns);
    }
}
