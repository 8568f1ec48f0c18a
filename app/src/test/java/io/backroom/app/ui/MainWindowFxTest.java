package io.backroom.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.AppContext;
import io.backroom.app.config.AppConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import io.backroom.app.testing.SeededSandbox;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The walking skeleton, headless: the window opens, starts the embedded gateway and reports it. */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    private static AppContext context;
    private UiTaskExecutor executor;
    private MainWindow window;

    @BeforeAll
    static void openContext() {
        Path home = SeededSandbox.home();
        AppConfig config = AppConfig.resolve(List.of("--home", home.toString()), Map.of(), home);
        context = new AppContext(config);
        context.connect(); // starts the embedded sandbox, seeding the demo retailer the first time
    }

    @Start
    void start(Stage stage) {
        executor = new UiTaskExecutor();
        window = MainWindow.show(stage, context, executor);
    }

    @AfterEach
    void stop() {
        window.close();
        executor.close();
    }

    @AfterAll
    static void closeContext() {
        context.close();
    }

    @Test
    void signsInToTheSandboxByPickingADemoUserWithTheKeyboard(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#signInView").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-invoices").tryQuery()).isEmpty();
        robot.clickOn("#demoUsers");
        robot.type(KeyCode.HOME).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> robot.lookup("#nav-invoices").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#userStatus").queryAs(Label.class).getText()).endsWith("· AP clerk");
        assertThat(robot.lookup("#nav-audit").tryQuery()).isPresent();
        assertThat(robot.lookup("#signInView").tryQuery()).isEmpty();
    }

    @Test
    void statusBarShowsTheConnectedSandboxGateway(FxRobot robot) throws Exception {
        Label status = robot.lookup("#connectionStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> status.getText().startsWith("Connected to sandbox gateway"));
        assertThat(status.getText()).matches("Connected to sandbox gateway \\S+");
        assertThat(robot.lookup("#statusBar").tryQuery()).isPresent();
    }
}
