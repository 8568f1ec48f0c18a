package io.backroom.app.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.services.settings.ColumnLayout;
import io.backroom.app.services.settings.SettingsStore;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.testing.MutableClock;
import io.backroom.app.ui.UiTaskExecutor;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A person's column arrangement (order, hidden columns) is written to the local store and comes back next time. */
@ExtendWith(ApplicationExtension.class)
class TableLayoutsFxTest {
    @TempDir
    Path dir;

    private LocalStore store;
    private SettingsStore settings;
    private UiTaskExecutor executor;
    private TableView<String> table;

    @Start
    void start(Stage stage) throws Exception {
        Map<String, String> startup = CompletableFuture.supplyAsync(() -> {
            store = LocalStore.open(dir.resolve("console.db"), new MutableClock(Instant.parse("2026-11-02T09:00:00Z")));
            settings = new SettingsStore(store);
            return settings.withPrefix("");
        }).get(30, TimeUnit.SECONDS);
        executor = new UiTaskExecutor();
        table = table();
        LayoutMemory memory = new LayoutMemory(executor, startup, settings);
        TableLayouts.remember(table, memory.saved("queue"), layout -> memory.remember("queue", layout));
        stage.setScene(new Scene(table, 600, 300));
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
        store.close();
    }

    private static TableView<String> table() {
        TableView<String> t = new TableView<>();
        t.getColumns().addAll(List.of(Tables.textColumn("Invoice", 100, s -> s), Tables.textColumn("Supplier", 150, s -> s),
                Tables.textColumn("Amount", 90, s -> s)));
        return t;
    }

    @Test
    void reorderedAndHiddenColumnsAreRememberedForTheNextStart(FxRobot robot) throws Exception {
        robot.interact(() -> {
            TableColumn<String, ?> amount = table.getColumns().remove(2);
            table.getColumns().add(0, amount);
            table.getColumns().get(2).setVisible(false);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> settings.get(ColumnLayout.key("queue")).filter(s -> s.contains("col-supplier:150:0")).isPresent());

        TableView<String> next = table();
        LayoutMemory restarted = new LayoutMemory(executor, settings.withPrefix(""), settings);
        robot.interact(() -> TableLayouts.remember(next, restarted.saved("queue"), layout -> { }));

        assertThat(next.getColumns()).extracting(TableColumn::getId)
                .containsExactly("col-amount", "col-invoice", "col-supplier");
        assertThat(next.getColumns()).extracting(TableColumn::isVisible).containsExactly(true, true, false);
        assertThat(next.isTableMenuButtonVisible()).as("columns can be shown again from the table's menu").isTrue();
    }
}
