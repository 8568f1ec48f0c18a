package io.backroom.app.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.backroom.app.AppContext;
import io.backroom.app.AppVersion;
import io.backroom.app.ui.shell.ShellView;
import io.backroom.app.ui.shell.ShellViewModel;
import java.util.Objects;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** Builds the main window on a stage. Used by the application and by UI tests alike. */
public final class MainWindow {
    private MainWindow() {
    }

    /** Applies the theme, lays out the shell on {@code stage}, shows it and starts connecting. */
    public static ShellViewModel show(Stage stage, AppContext context, UiTaskExecutor executor) {
        Application.setUserAgentStylesheet("dark".equals(context.config().theme())
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        ShellViewModel model = new ShellViewModel(executor, context::connect);
        Scene scene = new Scene(new ShellView(model), 1280, 800);
        scene.getStylesheets().add(Objects.requireNonNull(
                MainWindow.class.getResource("/io/backroom/app/backroom.css")).toExternalForm());
        stage.setTitle("Backroom " + AppVersion.get());
        stage.setScene(scene);
        stage.show();
        model.connect();
        return model;
    }
}
