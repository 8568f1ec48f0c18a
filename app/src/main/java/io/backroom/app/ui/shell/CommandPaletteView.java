package io.backroom.app.ui.shell;

import io.backroom.app.ui.keys.KeyBindingRepository;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Ctrl+K palette's layout. Binds to {@link CommandPaletteViewModel}. */
final class CommandPaletteView extends VBox {
    private final TextField query = new TextField();
    private final ListView<Command> list;

    CommandPaletteView(CommandPaletteViewModel model, KeyBindingRepository keys, Runnable close) {
        setId("commandPalette");
        getStyleClass().add("overlay-card");
        setMaxSize(620, 420);
        setSpacing(8);
        setPadding(new Insets(14));
        setAlignment(Pos.TOP_CENTER);
        query.setId("paletteQuery");
        query.setPromptText("Type a command: go to audit, verify, export, theme…");
        query.textProperty().bindBidirectional(model.queryProperty());
        list = new ListView<>(model.matches());
        list.setId("paletteList");
        list.setPrefHeight(340);
        list.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Command c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                Label category = new Label(c.category());
                category.getStyleClass().add("text-muted");
                category.setMinWidth(90);
                Label title = new Label(c.title());
                Region spacer = new Region();
                HBox.setHgrow(spacer, Priority.ALWAYS);
                HBox row = new HBox(10, category, title, spacer);
                if (c.binding() != null) {
                    Label key = new Label(keys.display(c.binding()));
                    key.getStyleClass().add("kbd");
                    row.getChildren().add(key);
                }
                row.setAlignment(Pos.CENTER_LEFT);
                setGraphic(row);
                setText(null);
            }
        });
        model.matches().addListener((javafx.collections.ListChangeListener<Command>) ch -> list.getSelectionModel().selectFirst());
        query.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN) {
                list.getSelectionModel().selectNext();
                e.consume();
            } else if (e.getCode() == KeyCode.UP) {
                list.getSelectionModel().selectPrevious();
                e.consume();
            } else if (e.getCode() == KeyCode.ENTER) {
                Command selected = list.getSelectionModel().getSelectedItem();
                close.run();
                if (selected != null) {
                    model.run(selected);
                } else {
                    model.runFirst();
                }
                e.consume();
            }
        });
        list.setOnMouseClicked(e -> {
            Command selected = list.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && selected != null) {
                close.run();
                model.run(selected);
            }
        });
        getChildren().addAll(query, list);
    }

    void focusQuery() {
        query.clear();
        list.getSelectionModel().selectFirst();
        query.requestFocus();
    }
}
