package io.backroom.app.ui.invoices;

import io.backroom.app.ui.common.Tables;
import io.backroom.app.ui.keys.KeyBinding;
import io.backroom.app.ui.keys.KeyBindingRepository;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The invoices workspace's layout. Binds to {@link InvoicesViewModel}; no logic. */
public final class InvoicesView extends BorderPane {
    private final InvoicesViewModel model;

    public InvoicesView(InvoicesViewModel model, KeyBindingRepository keys) {
        this.model = model;
        setId("invoicesView");
        getStyleClass().add("workspace");

        Label title = new Label("Held invoices");
        title.getStyleClass().add("title-3");
        Label queue = new Label("The held-invoice queue appears here once the gateway serves the AP slice "
                + "(GET /api/v1/invoices). Decisions you take are kept in the outbox below until the gateway accepts them.");
        queue.setId("queuePlaceholder");
        queue.setWrapText(true);
        queue.getStyleClass().add("text-muted");

        Label outboxTitle = new Label("Decisions not yet sent");
        outboxTitle.getStyleClass().add("title-4");
        Button retry = new Button("Retry failed  (" + keys.display(KeyBinding.RETRY_OUTBOX) + ")");
        retry.setId("retryOutbox");
        retry.setOnAction(e -> model.retryFailed());
        TableView<OutboxRow> table = new TableView<>(model.unsent());
        table.setId("outboxTable");
        table.setPlaceholder(new Label("Every decision has reached the gateway."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.textColumn("Taken", 140, OutboxRow::queuedAt));
        table.getColumns().add(Tables.textColumn("Invoice", 120, OutboxRow::invoice));
        table.getColumns().add(Tables.textColumn("Decision", 150, OutboxRow::action));
        table.getColumns().add(Tables.textColumn("State", 90, OutboxRow::state));
        table.getColumns().add(Tables.textColumn("Tries", 60, r -> Integer.toString(r.attempts())));
        table.getColumns().add(Tables.textColumn("Why it waits", 400, OutboxRow::problem));
        Button discard = new Button("Discard selected");
        discard.setId("discardOutbox");
        discard.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        discard.setOnAction(e -> model.discard(table.getSelectionModel().getSelectedItem()));
        Label message = new Label();
        message.setId("invoicesMessage");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        HBox bar = new HBox(8, outboxTitle, retry, discard, message);
        bar.setAlignment(Pos.CENTER_LEFT);

        VBox top = new VBox(12, title, queue, bar);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        setCenter(table);
        setPadding(new Insets(16));
    }

    /** The keyboard actions this workspace offers. */
    public Map<KeyBinding, Runnable> keyActions() {
        return Map.of(KeyBinding.RETRY_OUTBOX, model::retryFailed, KeyBinding.REFRESH, model::refresh);
    }
}
