package io.backroom.app.ui.audit;

import io.backroom.app.ui.common.LayoutMemory;
import io.backroom.app.ui.common.TableLayouts;
import io.backroom.app.ui.common.Tables;
import io.backroom.app.services.audit.AuditKind;
import io.backroom.app.ui.keys.KeyBinding;
import io.backroom.app.ui.keys.KeyBindingRepository;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The audit workspace's layout. Binds to {@link AuditViewModel}; no logic. */
public final class AuditView extends BorderPane {
    private final AuditViewModel model;
    private final TextField invoice = new TextField();
    private final LayoutMemory layouts;

    public AuditView(AuditViewModel model, KeyBindingRepository keys, LayoutMemory layouts) {
        this.model = model;
        this.layouts = layouts;
        setId("auditView");
        getStyleClass().add("workspace");

        Label title = new Label("Audit log");
        title.getStyleClass().add("title-3");

        ComboBox<String> user = editableCombo("auditUser", "User", model.users());
        user.valueProperty().bindBidirectional(model.userProperty());
        invoice.setId("auditInvoice");
        invoice.setPromptText("Invoice");
        invoice.setPrefColumnCount(10);
        invoice.textProperty().bindBidirectional(model.invoiceProperty());
        invoice.setOnAction(e -> model.refresh());
        ComboBox<String> modelName = editableCombo("auditModel", "Model", model.models());
        modelName.valueProperty().bindBidirectional(model.modelProperty());
        ComboBox<String> action = editableCombo("auditAction", "Action / output", model.actions());
        action.valueProperty().bindBidirectional(model.actionProperty());
        ComboBox<AuditKind> kind = new ComboBox<>();
        kind.setId("auditKind");
        kind.getItems().addAll(null, AuditKind.DECISION, AuditKind.MODEL_OUTPUT);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(AuditKind k) {
                return k == null ? "Every kind" : switch (k) {
                    case DECISION -> "Decisions";
                    case OUTCOME -> "Outcomes";
                    case MODEL_OUTPUT -> "Model outputs";
                };
            }

            @Override
            public AuditKind fromString(String s) {
                return null;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());
        DatePicker from = new DatePicker();
        from.setId("auditFrom");
        from.setPromptText("From");
        from.setPrefWidth(150);
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("auditTo");
        to.setPromptText("To");
        to.setPrefWidth(150);
        to.valueProperty().bindBidirectional(model.toProperty());
        Button clear = new Button("Clear filters");
        clear.setOnAction(e -> model.clearFilters());
        for (var changed : new javafx.beans.Observable[] {model.userProperty(), model.modelProperty(),
                model.actionProperty(), model.kindProperty(), model.fromProperty(), model.toProperty()}) {
            changed.addListener(o -> model.refresh());
        }
        invoice.focusedProperty().addListener((obs, was, focused) -> {
            if (!focused) {
                model.refresh();
            }
        });
        FlowPane filters = new FlowPane(8, 8, labelled("From", from), labelled("To", to), labelled("User", user),
                labelled("Invoice", invoice), labelled("Model", modelName), labelled("Action", action),
                labelled("Kind", kind), clear);
        filters.setId("auditFilters");
        filters.setAlignment(Pos.BOTTOM_LEFT);

        Button verify = new Button("Verify integrity  (" + keys.display(KeyBinding.VERIFY_AUDIT) + ")");
        verify.setId("verifyAudit");
        verify.setOnAction(e -> model.verify());
        Button export = new Button("Export PDF  (" + keys.display(KeyBinding.EXPORT_AUDIT) + ")");
        export.setId("exportAudit");
        export.setOnAction(e -> model.export());
        export.disableProperty().bind(model.exportingProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.exportingProperty());
        progress.managedProperty().bind(model.exportingProperty());
        Button cancel = new Button("Cancel export");
        cancel.setId("cancelExport");
        cancel.visibleProperty().bind(model.exportingProperty());
        cancel.managedProperty().bind(model.exportingProperty());
        cancel.setOnAction(e -> model.cancelExport());
        Label count = new Label();
        count.setId("auditCount");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(model.countTextProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox actions = new HBox(8, verify, export, progress, cancel, spacer, count);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label integrity = new Label();
        integrity.setId("integrityStatus");
        integrity.setWrapText(true);
        integrity.textProperty().bind(model.integrityTextProperty());
        integrity.getStyleClass().add("banner");
        model.intactProperty().addListener((obs, was, ok) -> {
            integrity.getStyleClass().removeAll("banner-success", "banner-danger");
            if (ok != null) {
                integrity.getStyleClass().add(ok ? "banner-success" : "banner-danger");
            }
        });
        Label message = new Label();
        message.setId("auditMessage");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(Bindings.isNotEmpty(model.messageProperty()));
        message.managedProperty().bind(message.visibleProperty());

        VBox top = new VBox(10, title, filters, actions, integrity, message);
        top.setPadding(new Insets(0, 0, 10, 0));
        setTop(top);
        setCenter(table());
        setPadding(new Insets(16));
    }

    /** The keyboard actions this workspace offers. */
    public Map<KeyBinding, Runnable> keyActions() {
        return Map.of(KeyBinding.VERIFY_AUDIT, model::verify, KeyBinding.EXPORT_AUDIT, model::export,
                KeyBinding.REFRESH, model::refresh, KeyBinding.FOCUS_SEARCH, invoice::requestFocus,
                KeyBinding.FOCUS_FILTERS, invoice::requestFocus);
    }

    private TableView<AuditRow> table() {
        TableView<AuditRow> table = new TableView<>(model.rows());
        table.setId("auditTable");
        table.setPlaceholder(new Label("No audit entries match these filters."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(Tables.textColumn("#", 60, r -> Long.toString(r.seq())));
        table.getColumns().add(Tables.textColumn("Time", 150, AuditRow::time));
        table.getColumns().add(Tables.textColumn("User", 110, AuditRow::user));
        table.getColumns().add(Tables.textColumn("Kind", 110, AuditRow::kind));
        table.getColumns().add(Tables.textColumn("Invoice", 120, AuditRow::invoice));
        TableColumn<AuditRow, String> hash = Tables.textColumn("Hash", 110, AuditRow::shortHash);
        TableColumn<AuditRow, String> what = Tables.textColumn("What", 420, AuditRow::what);
        table.getColumns().add(hash);
        table.getColumns().add(what);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(AuditRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("audit-problem");
                if (empty || row == null) {
                    setTooltip(null);
                    return;
                }
                if (row.problem() != null) {
                    getStyleClass().add("audit-problem");
                }
                setTooltip(new Tooltip((row.problem() == null ? "" : row.problem() + "\n") + "SHA-256 " + row.hash()));
            }
        });
        TableLayouts.remember(table, layouts.saved("audit"), layout -> layouts.remember("audit", layout));
        return table;
    }

    private static ComboBox<String> editableCombo(String id, String prompt, javafx.collections.ObservableList<String> items) {
        ComboBox<String> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.setEditable(true);
        combo.setPromptText(prompt);
        combo.setPrefWidth(150);
        return combo;
    }

    private static VBox labelled(String text, javafx.scene.Node control) {
        Label label = new Label(text);
        label.getStyleClass().add("field-label");
        label.setLabelFor(control);
        return new VBox(2, label, control);
    }
}
