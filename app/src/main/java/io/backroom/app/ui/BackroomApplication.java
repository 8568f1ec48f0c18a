package io.backroom.app.ui;

import io.backroom.app.AppContext;
import java.util.Objects;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application. Launched by {@code io.backroom.app.Main}, which prepares the context first. */
public final class BackroomApplication extends Application {
    private static volatile AppContext pendingContext;

    private AppContext context;
    private UiTaskExecutor executor;
    private MainWindow window;

    /** Hands the context to the application instance JavaFX is about to create. */
    public static void prepare(AppContext context) {
        pendingContext = Objects.requireNonNull(context);
    }

    @Override
    public void start(Stage stage) {
        context = Objects.requireNonNull(pendingContext, "BackroomApplication.prepare was not called");
        executor = new UiTaskExecutor();
        window = MainWindow.show(stage, context, executor);
    }

    @Override
    public void stop() {
        window.close();
        executor.close();
        context.close();
    }
}
