package io.backroom.app.ui.signin;

import io.backroom.app.services.gateway.SignInService;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The sign-in card. Binds to {@link SignInViewModel}; no logic. */
public final class SignInView extends StackPane {
    private final Runnable focus;

    public SignInView(SignInViewModel model) {
        setId("signInView");
        VBox card = new VBox(12);
        card.getStyleClass().add("overlay-card");
        card.setPadding(new Insets(24));
        card.setMaxSize(560, 500);
        Label title = new Label("Sign in to Backroom");
        title.getStyleClass().add("title-3");
        card.getChildren().add(title);
        if (model.sandbox()) {
            Label hint = new Label("Sandbox: pick a demo user and press Enter.");
            hint.getStyleClass().add("text-muted");
            ListView<SignInService.DemoUser> users = new ListView<>(model.demoUsers());
            users.setId("demoUsers");
            users.setPrefHeight(236);
            users.setCellFactory(lv -> new ListCell<>() {
                @Override
                protected void updateItem(SignInService.DemoUser u, boolean empty) {
                    super.updateItem(u, empty);
                    if (empty || u == null) {
                        setGraphic(null);
                        return;
                    }
                    Label name = new Label(u.displayName() + "  (" + u.username() + ")");
                    name.setStyle("-fx-font-weight: bold;");
                    Label what = new Label(u.description());
                    what.getStyleClass().add("text-muted");
                    what.setWrapText(true);
                    what.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                    VBox box = new VBox(2, name, what);
                    box.setMaxWidth(470);
                    setGraphic(box);
                }
            });
            users.getSelectionModel().selectFirst();
            users.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER && users.getSelectionModel().getSelectedItem() != null) {
                    model.signInAs(users.getSelectionModel().getSelectedItem());
                }
            });
            users.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && users.getSelectionModel().getSelectedItem() != null) {
                    model.signInAs(users.getSelectionModel().getSelectedItem());
                }
            });
            Button go = new Button("Sign in");
            go.setId("signIn");
            go.setDefaultButton(true);
            go.disableProperty().bind(model.busyProperty());
            go.setOnAction(e -> model.signInAs(users.getSelectionModel().getSelectedItem()));
            card.getChildren().addAll(hint, users, go);
            focus = users::requestFocus;
        } else {
            TextField user = new TextField();
            user.setId("username");
            user.setPromptText("User name");
            user.textProperty().bindBidirectional(model.usernameProperty());
            PasswordField password = new PasswordField();
            password.setId("password");
            password.setPromptText("Password");
            password.textProperty().bindBidirectional(model.passwordProperty());
            Button go = new Button("Sign in");
            go.setId("signIn");
            go.setDefaultButton(true);
            go.disableProperty().bind(model.busyProperty());
            go.setOnAction(e -> model.signIn());
            if (model.serverEditable()) {
                Label serverLabel = new Label("Gateway address");
                serverLabel.getStyleClass().add("text-muted");
                TextField server = new TextField();
                server.setId("serverAddress");
                server.setPromptText("http://host:port");
                server.textProperty().bindBidirectional(model.serverProperty());
                server.setOnAction(e -> model.signIn());
                card.getChildren().addAll(serverLabel, server);
            }
            card.getChildren().addAll(user, password, go);
            focus = user::requestFocus;
        }
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(20, 20);
        progress.visibleProperty().bind(model.busyProperty());
        Label error = new Label();
        error.setId("signInError");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(Bindings.isNotEmpty(model.errorProperty()));
        card.getChildren().addAll(progress, error);
        card.setAlignment(Pos.TOP_LEFT);
        getChildren().add(card);
    }

    /** Puts the focus where the person starts typing. */
    public void focus() {
        focus.run();
    }
}
