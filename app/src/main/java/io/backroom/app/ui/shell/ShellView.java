package io.backroom.app.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.control.StatusBar;

/** The main window's layout: workspace area and status bar. Binds to {@link ShellViewModel}; no logic. */
public final class ShellView extends BorderPane {

    public ShellView(ShellViewModel model) {
        setId("shell");

        Label title = new Label("Backroom");
        title.getStyleClass().add("title-2");
        Label subtitle = new Label("Back-office operations console");
        subtitle.getStyleClass().add("text-muted");
        VBox welcome = new VBox(6, title, subtitle);
        welcome.setAlignment(Pos.CENTER);
        StackPane workspace = new StackPane(welcome);
        workspace.setId("workspace");
        workspace.setPadding(new Insets(24));
        setCenter(workspace);

        StatusBar statusBar = new StatusBar();
        statusBar.setId("statusBar");
        Label connection = new Label();
        connection.setId("connectionStatus");
        connection.textProperty().bind(model.connectionTextProperty());
        model.failedProperty().addListener((obs, was, failed) -> {
            if (failed) {
                connection.getStyleClass().add("danger");
            } else {
                connection.getStyleClass().remove("danger");
            }
        });
        statusBar.setText("");
        statusBar.getLeftItems().add(connection);
        setBottom(statusBar);
    }
}
