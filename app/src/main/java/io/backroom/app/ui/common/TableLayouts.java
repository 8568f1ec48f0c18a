package io.backroom.app.ui.common;

import io.backroom.app.services.settings.ColumnLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * Remembers how a person arranged a table: column order, widths and which columns are shown (the table's menu button
 * hides and shows them). Applies a saved layout once, then reports every change, half a second after the last one.
 */
public final class TableLayouts {
    private TableLayouts() {
    }

    /**
     * Applies {@code saved} to {@code table} (columns it does not name keep their place at the end) and calls
     * {@code changed} with the new layout whenever the person reorders, resizes, hides or shows a column.
     */
    public static <R> void remember(TableView<R> table, Optional<ColumnLayout> saved, Consumer<ColumnLayout> changed) {
        table.setTableMenuButtonVisible(true);
        saved.ifPresent(layout -> apply(table, layout));
        PauseTransition settle = new PauseTransition(Duration.millis(500));
        settle.setOnFinished(e -> changed.accept(layoutOf(table)));
        InvalidationListener restart = o -> settle.playFromStart();
        for (TableColumn<R, ?> c : table.getColumns()) {
            c.widthProperty().addListener(restart);
            c.visibleProperty().addListener(restart);
        }
        table.getColumns().addListener((ListChangeListener<TableColumn<R, ?>>) c -> settle.playFromStart());
    }

    /** The layout {@code table} has now. */
    public static ColumnLayout layoutOf(TableView<?> table) {
        List<ColumnLayout.Column> out = new ArrayList<>();
        for (TableColumn<?, ?> c : table.getColumns()) {
            if (c.getId() != null) {
                out.add(new ColumnLayout.Column(c.getId(), c.getWidth(), c.isVisible()));
            }
        }
        return new ColumnLayout(out);
    }

    /** Puts {@code table}'s columns in {@code layout}'s order, widths and visibility. */
    public static <R> void apply(TableView<R> table, ColumnLayout layout) {
        Map<String, TableColumn<R, ?>> byId = new LinkedHashMap<>();
        for (TableColumn<R, ?> c : table.getColumns()) {
            if (c.getId() != null) {
                byId.put(c.getId(), c);
            }
        }
        List<TableColumn<R, ?>> ordered = new ArrayList<>();
        for (ColumnLayout.Column saved : layout.columns()) {
            TableColumn<R, ?> c = byId.remove(saved.id());
            if (c != null) {
                c.setPrefWidth(saved.width());
                c.setVisible(saved.shown());
                ordered.add(c);
            }
        }
        for (TableColumn<R, ?> c : table.getColumns()) {
            if (!ordered.contains(c)) {
                ordered.add(c);
            }
        }
        if (ordered.stream().noneMatch(TableColumn::isVisible) && !ordered.isEmpty()) {
            ordered.get(0).setVisible(true);
        }
        table.getColumns().setAll(ordered);
    }
}
