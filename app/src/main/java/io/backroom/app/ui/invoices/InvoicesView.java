package io.backroom.app.ui.invoices;

import io.backroom.api.model.HoldCode;
import io.backroom.app.services.invoices.DocumentCheck;
import io.backroom.app.services.invoices.QueueItem;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.ui.common.LayoutMemory;
import io.backroom.app.ui.common.TableLayouts;
import io.backroom.app.ui.common.Tables;
import io.backroom.app.ui.keys.KeyBinding;
import io.backroom.app.ui.keys.KeyBindingRepository;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The invoice triage workspace's layout. Binds to its view models; no logic. */
public final class InvoicesView extends BorderPane {
    private final InvoiceQueueViewModel queue;
    private final InvoicesViewModel outbox;
    private final SavedViewsViewModel views;
    private final LayoutMemory layouts;
    private final KeyBindingRepository keys;
    private final TableView<QueueItem> table = new TableView<>();
    private final TextField search = new TextField();
    private final TabPane tabs = new TabPane();
    private final ScrollPane pdfScroll = new ScrollPane();
    private final Set<Long> promptedConflicts = new HashSet<>();

    public InvoicesView(InvoiceQueueViewModel queue, InvoicesViewModel outbox, SavedViewsViewModel views,
                        LayoutMemory layouts, KeyBindingRepository keys) {
        this.queue = queue;
        this.views = views;
        this.layouts = layouts;
        this.outbox = outbox;
        this.keys = keys;
        setId("invoicesView");
        getStyleClass().add("workspace");
        SplitPane split = new SplitPane(queuePane(), detailPane(), pdfPane());
        split.setId("invoiceSplit");
        split.setDividerPositions(layouts.dividers("invoices", new double[] {0.33, 0.68}));
        for (SplitPane.Divider d : split.getDividers()) {
            d.positionProperty().addListener((o, was, now) -> layouts.rememberDividers("invoices", split.getDividerPositions()));
        }
        setCenter(split);
        Label notice = new Label();
        notice.setId("invoiceNotice");
        notice.setWrapText(true);
        notice.setMaxWidth(Double.MAX_VALUE);
        notice.textProperty().bind(queue.noticeProperty());
        notice.getStyleClass().add("banner");
        queue.noticeIsRefusalProperty().addListener((o, was, refusal) -> {
            notice.getStyleClass().remove("banner-danger");
            if (refusal) {
                notice.getStyleClass().add("banner-danger");
            }
        });
        notice.visibleProperty().bind(Bindings.isNotEmpty(queue.noticeProperty()));
        notice.managedProperty().bind(notice.visibleProperty());
        setTop(notice);
        Label message = new Label();
        message.setId("invoicesMessage");
        message.setWrapText(true);
        message.textProperty().bind(Bindings.when(Bindings.isNotEmpty(queue.messageProperty()))
                .then(queue.messageProperty()).otherwise(outbox.messageProperty()));
        message.getStyleClass().add("banner");
        message.visibleProperty().bind(Bindings.isNotEmpty(message.textProperty()));
        message.managedProperty().bind(message.visibleProperty());
        setBottom(message);
        setPadding(new Insets(8));
        outbox.conflicts().addListener((javafx.collections.ListChangeListener<OutboxRow>) c -> promptConflicts());
    }

    /** The keyboard actions this workspace offers. */
    public Map<KeyBinding, Runnable> keyActions() {
        Map<KeyBinding, Runnable> actions = new EnumMap<>(KeyBinding.class);
        actions.put(KeyBinding.NEXT_ITEM, queue::next);
        actions.put(KeyBinding.PREVIOUS_ITEM, queue::previous);
        actions.put(KeyBinding.OPEN_PDF, () -> pdfScroll.requestFocus());
        actions.put(KeyBinding.ACCEPT_SUGGESTION, () -> acceptSuggestion(actions));
        actions.put(KeyBinding.RELEASE, () -> queue.decide(DecisionAction.RELEASE, null, null));
        actions.put(KeyBinding.REJECT, () -> ask(DecisionAction.REJECT, "Why is it rejected?").ifPresent(
                r -> queue.decide(DecisionAction.REJECT, r, null)));
        actions.put(KeyBinding.REQUEST_CREDIT, () -> queue.decide(DecisionAction.REQUEST_CREDIT, null, null));
        actions.put(KeyBinding.ROUTE_TO_BUYER, () -> queue.loadBuyers(this::pickBuyer));
        actions.put(KeyBinding.HOLD, () -> ask(DecisionAction.HOLD, "Note for the hold:").ifPresent(
                n -> queue.decide(DecisionAction.HOLD, n, null)));
        actions.put(KeyBinding.BULK_RELEASE, () -> queue.bulkRelease(List.copyOf(table.getSelectionModel().getSelectedItems())));
        actions.put(KeyBinding.FOCUS_SEARCH, search::requestFocus);
        actions.put(KeyBinding.FOCUS_FILTERS, search::requestFocus);
        actions.put(KeyBinding.REFRESH, () -> {
            queue.refresh();
            outbox.refresh();
        });
        actions.put(KeyBinding.UNDO_DECISION, queue::undo);
        actions.put(KeyBinding.OPEN_NOTICED, () -> {
            queue.openNoticed();
            table.requestFocus();
        });
        actions.put(KeyBinding.SELECT_WITHIN_TOLERANCE, () -> queue.selectWithinTolerance(chosen -> {
            table.getSelectionModel().clearSelection();
            for (QueueItem i : chosen) {
                table.getSelectionModel().select(i);
            }
            table.requestFocus();
        }));
        actions.put(KeyBinding.SHOW_PDF_CHECK, () -> showTab(0));
        actions.put(KeyBinding.SHOW_HISTORY, () -> showTab(1));
        actions.put(KeyBinding.SHOW_OUTBOX, () -> showTab(2));
        actions.put(KeyBinding.NEXT_DETAIL_TAB, () -> showTab((tabs.getSelectionModel().getSelectedIndex() + 1)
                % tabs.getTabs().size()));
        actions.put(KeyBinding.RETRY_OUTBOX, outbox::retryFailed);
        return actions;
    }

    private void showTab(int index) {
        tabs.getSelectionModel().select(index);
        Tab tab = tabs.getTabs().get(index);
        if (tab.getContent() != null) {
            javafx.scene.Node focus = tab.getContent().lookup(".table-view");
            if (focus == null) {
                focus = tab.getContent().lookup(".list-view");
            }
            (focus == null ? tab.getContent() : focus).requestFocus();
        }
    }

    private void pickBuyer(io.backroom.app.services.invoices.InvoiceQueueService.Buyers buyers) {
        javafx.scene.control.Dialog<io.backroom.api.model.User> dialog = new javafx.scene.control.Dialog<>();
        dialog.setTitle(DecisionAction.ROUTE_TO_BUYER.label());
        dialog.setHeaderText("Route " + Optional.ofNullable(queue.selectedProperty().get()).map(QueueItem::invoiceNumber)
                .orElse("") + " to:");
        dialog.getDialogPane().setId("buyerDialog");
        ComboBox<io.backroom.api.model.User> who = new ComboBox<>();
        who.setId("buyerPicker");
        who.getItems().setAll(buyers.users());
        who.setConverter(new StringConverter<>() {
            @Override
            public String toString(io.backroom.api.model.User u) {
                if (u == null) {
                    return "";
                }
                String role = u.hasRole(io.backroom.api.model.Role.BUYER) ? "buyer" : "AP supervisor";
                return u.displayName() + " (" + u.username() + ", " + role
                        + (u.id().equals(buyers.defaultUser()) ? ", the PO's buyer" : "") + ")";
            }

            @Override
            public io.backroom.api.model.User fromString(String s) {
                return null;
            }
        });
        buyers.users().stream().filter(u -> u.id().equals(buyers.defaultUser())).findFirst()
                .ifPresentOrElse(who.getSelectionModel()::select, () -> who.getSelectionModel().selectFirst());
        who.setMaxWidth(Double.MAX_VALUE);
        dialog.getDialogPane().setContent(who);
        ButtonType route = new ButtonType("Route", ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(route, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(route).disableProperty().bind(who.valueProperty().isNull());
        dialog.setResultConverter(b -> b == route ? who.getValue() : null);
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        javafx.application.Platform.runLater(who::requestFocus);
        dialog.showAndWait().ifPresent(u -> queue.routeTo(buyers, u.id()));
    }

    private void acceptSuggestion(Map<KeyBinding, Runnable> actions) {
        Optional<DecisionAction> suggested = queue.recommendedAction();
        if (suggested.isEmpty()) {
            queue.explain("The models have no suggestion for this invoice; decide with R, X, C, B or H.");
            return;
        }
        switch (suggested.get()) {
            case HOLD -> ask(DecisionAction.HOLD, "Note for the hold:", "Waiting for the goods receipt").ifPresent(
                    n -> queue.decide(DecisionAction.HOLD, n, null));
            case RELEASE -> actions.get(KeyBinding.RELEASE).run();
            case REJECT -> actions.get(KeyBinding.REJECT).run();
            case REQUEST_CREDIT -> actions.get(KeyBinding.REQUEST_CREDIT).run();
            case ROUTE_TO_BUYER -> actions.get(KeyBinding.ROUTE_TO_BUYER).run();
        }
    }

    /** Loads the queue and the unsent decisions (on show). */
    public void activate() {
        queue.refresh();
        outbox.refresh();
        table.requestFocus();
    }

    private VBox queuePane() {
        search.setId("queueSearch");
        search.setPromptText("Search number, supplier, store  (" + keys.display(KeyBinding.FOCUS_SEARCH) + ")");
        search.textProperty().bindBidirectional(queue.searchProperty());
        search.getProperties().put(io.backroom.app.ui.keys.KeyBindingDispatcher.OWN_ESCAPE, Boolean.TRUE);
        search.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            switch (e.getCode()) {
                case ESCAPE -> {
                    // First Esc clears the search; the next leaves the field for the queue.
                    if (!search.getText().isEmpty()) {
                        search.clear();
                    } else {
                        table.requestFocus();
                    }
                    e.consume();
                }
                case ENTER, DOWN -> {
                    table.requestFocus();
                    if (!table.getItems().isEmpty() && queue.selectedProperty().get() != null) {
                        table.getSelectionModel().clearAndSelect(Math.max(0, table.getItems().indexOf(queue.selectedProperty().get())));
                    } else if (!table.getItems().isEmpty()) {
                        table.getSelectionModel().clearAndSelect(0);
                    }
                    e.consume();
                }
                default -> { }
            }
        });
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<HoldCode> hold = new ComboBox<>();
        hold.setId("holdFilter");
        hold.getItems().add(null);
        hold.getItems().addAll(HoldCode.values());
        hold.setPromptText("Any hold");
        hold.setConverter(new StringConverter<>() {
            @Override
            public String toString(HoldCode c) {
                return c == null ? "Any hold" : c.name();
            }

            @Override
            public HoldCode fromString(String s) {
                return null;
            }
        });
        hold.valueProperty().bindBidirectional(queue.holdCodeProperty());
        TextField supplier = small("supplierFilter", "Supplier");
        supplier.textProperty().bindBidirectional(queue.supplierProperty());
        TextField store = small("storeFilter", "Store");
        store.textProperty().bindBidirectional(queue.storeProperty());
        TextField min = small("minAmount", "Min amount");
        min.textProperty().addListener((o, was, now) -> queue.minAmountProperty().set(decimal(now)));
        queue.minAmountProperty().addListener((o, was, now) -> showValue(min, now));
        TextField max = small("maxAmount", "Max amount");
        max.textProperty().addListener((o, was, now) -> queue.maxAmountProperty().set(decimal(now)));
        queue.maxAmountProperty().addListener((o, was, now) -> showValue(max, now));
        TextField due = small("dueWithin", "Due within days");
        due.textProperty().addListener((o, was, now) -> {
            BigDecimal d = decimal(now);
            queue.dueWithinDaysProperty().set(d == null ? null : d.intValue());
        });
        queue.dueWithinDaysProperty().addListener((o, was, now) -> showValue(due, now == null ? null : BigDecimal.valueOf(now)));
        Label count = new Label();
        count.setId("queueCount");
        count.getStyleClass().add("text-muted");
        count.textProperty().bind(queue.countTextProperty());
        HBox searchBar = new HBox(8, search, hold);
        searchBar.setAlignment(Pos.CENTER_LEFT);
        FlowPane filters = new FlowPane(6, 6, supplier, store, min, max, due, count);
        filters.setAlignment(Pos.CENTER_LEFT);

        table.setId("queueTable");
        table.setItems(queue.queue());
        table.setSortPolicy(t -> {
            queue.comparatorProperty().set(t.getComparator());
            return true;
        });
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        Label placeholder = new Label();
        placeholder.setId("queuePlaceholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.when(queue.loadedOnceProperty())
                .then(Bindings.when(Bindings.size(queue.allItems()).greaterThan(0))
                        .then("No held invoice matches the filters. Clear them (Clear filters) to see the whole queue.")
                        .otherwise("No invoice is on hold: nothing to triage."))
                .otherwise(queue.loadingTextProperty()));
        table.setPlaceholder(placeholder);
        TableColumn<QueueItem, QueueItem> priority = new TableColumn<>("Rank");
        priority.setId("col-priority");
        priority.setPrefWidth(58);
        priority.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        priority.setComparator(Comparator.comparingInt(queue::rank));
        priority.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(QueueItem v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : queue.rankText(v));
            }
        });
        TableColumn<QueueItem, QueueItem> amount = new TableColumn<>("Amount");
        amount.setPrefWidth(112);
        amount.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
        amount.setComparator(queue.byReportingAmount());
        amount.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(QueueItem v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null || v.total() == null ? null
                        : String.format("%,.2f %s", v.total().amount(), v.total().currency()));
                String converted = empty || v == null ? "" : queue.reportingText(v);
                setTooltip(converted.isEmpty() ? null : new Tooltip(converted));
                setAlignment(Pos.CENTER_RIGHT);
            }
        });
        table.getColumns().add(priority);
        table.getColumns().add(Tables.textColumn("Invoice", 104, QueueItem::invoiceNumber));
        table.getColumns().add(Tables.textColumn("Supplier", 140, QueueItem::supplierName));
        table.getColumns().add(amount);
        table.getColumns().add(Tables.textColumn("Root cause", 150, queue::rootCauseText));
        table.getColumns().add(Tables.textColumn("Holds", 140, i -> i.holdCodes().stream()
                .map(InvoiceQueueViewModel::holdWords).distinct().reduce((a, b) -> a + ", " + b).orElse("")));
        table.getColumns().add(Tables.textColumn("Store", 60, QueueItem::storeId));
        table.getColumns().add(Tables.textColumn("Due", 90, i -> i.dueDate() == null ? "" : i.dueDate().toString()));
        table.getColumns().add(Tables.textColumn("Discount by", 90, i -> i.discountDate() == null ? "" : i.discountDate().toString()));
        table.getColumns().add(Tables.textColumn("Age", 50, i -> i.ageDays() + "d"));
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(QueueItem item, boolean empty) {
                super.updateItem(item, empty);
                setTooltip(empty || item == null ? null : new Tooltip("Priority: " + item.priorityReason()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != queue.selectedProperty().get()) {
                queue.selectedProperty().set(now);
            }
        });
        queue.selectedProperty().addListener((o, was, now) -> {
            if (now != null && table.getSelectionModel().getSelectedItems().size() <= 1
                    && table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().clearAndSelect(table.getItems().indexOf(now));
                table.scrollTo(Math.max(0, table.getItems().indexOf(now) - 3));
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Label title = new Label("Held invoices");
        title.getStyleClass().add("title-4");
        TableLayouts.remember(table, layouts.saved("invoices"), layout -> layouts.remember("invoices", layout));
        Label reranked = new Label("Re-ranked — press F5 to apply the new order");
        reranked.setId("rerankedNotice");
        reranked.getStyleClass().add("text-warning");
        reranked.visibleProperty().bind(queue.rerankedProperty());
        reranked.managedProperty().bind(reranked.visibleProperty());
        filters.getChildren().add(reranked);
        Label progress = new Label();
        progress.setId("loadingProgress");
        progress.getStyleClass().add("text-muted");
        progress.textProperty().bind(queue.progressTextProperty());
        progress.visibleProperty().bind(Bindings.isNotEmpty(queue.progressTextProperty()));
        progress.managedProperty().bind(progress.visibleProperty());
        filters.getChildren().add(progress);
        // Bulk work acts on the queue's selection, so it sits with the queue.
        Button within = decisionButton("selectWithin", "Select all ≤ " + queue.bulkTolerancePercentProperty().get() + "%",
                KeyBinding.SELECT_WITHIN_TOLERANCE);
        Button bulk = decisionButton("bulkRelease", "Release selected ≤ " + queue.bulkTolerancePercentProperty().get() + "%",
                KeyBinding.BULK_RELEASE);
        bulk.disableProperty().bind(queue.selectedProperty().isNull());
        FlowPane bulkBar = new FlowPane(6, 6, within, bulk);
        bulkBar.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, title, searchBar, filters, savedViewsBar(), table, bulkBar);
        box.setMinWidth(0); // the split's proportions hold at 1280 px instead of the filters' preferred width
        box.setPadding(new Insets(4, 8, 4, 4));
        return box;
    }

    private VBox detailPane() {
        Label header = new Label();
        header.setId("invoiceHeader");
        header.setWrapText(true);
        header.getStyleClass().add("title-4");
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        header.setMaxWidth(Double.MAX_VALUE);
        header.textProperty().bind(Bindings.when(Bindings.isEmpty(queue.headerTextProperty()))
                .then("Select an invoice (J / K to move through the queue).").otherwise(queue.headerTextProperty()));

        Button release = decisionButton("release", "Release", KeyBinding.RELEASE);
        release.disableProperty().bind(queue.releaseEnabledProperty().not());
        FlowPane decisions = new FlowPane(6, 6, release,
                decisionButton("reject", "Reject", KeyBinding.REJECT),
                decisionButton("requestCredit", "Credit memo", KeyBinding.REQUEST_CREDIT),
                decisionButton("routeToBuyer", "To buyer", KeyBinding.ROUTE_TO_BUYER),
                decisionButton("hold", "Hold", KeyBinding.HOLD));
        for (javafx.scene.Node b : decisions.getChildren()) {
            if (b != release) {
                b.disableProperty().bind(queue.decisionsEnabledProperty().not());
            }
        }
        decisions.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label();
        hint.setId("decisionHint");
        hint.setWrapText(true);
        hint.getStyleClass().add("text-warning");
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.setMaxWidth(Double.MAX_VALUE);
        hint.textProperty().bind(queue.decisionHintProperty());
        hint.visibleProperty().bind(Bindings.isNotEmpty(queue.decisionHintProperty()));
        hint.managedProperty().bind(hint.visibleProperty());
        Label status = new Label();
        status.setId("detailStatus");
        status.setWrapText(true);
        status.setMaxWidth(Double.MAX_VALUE);
        status.getStyleClass().add("banner");
        status.textProperty().bind(queue.detailStatusProperty());
        queue.detailStateProperty().addListener((o, was, now) -> {
            status.getStyleClass().remove("banner-danger");
            if (now == InvoiceQueueViewModel.DetailState.FAILED || now == InvoiceQueueViewModel.DetailState.STALE) {
                status.getStyleClass().add("banner-danger");
            }
        });
        status.visibleProperty().bind(Bindings.isNotEmpty(queue.detailStatusProperty()));
        status.managedProperty().bind(status.visibleProperty());

        TableView<MatchRow> grid = new TableView<>(queue.matchRows());
        grid.setId("matchGrid");
        grid.setPrefHeight(200);
        grid.setMinHeight(140);
        VBox.setVgrow(grid, Priority.ALWAYS);
        queue.matchRows().addListener((javafx.collections.ListChangeListener<MatchRow>) c -> {
            for (int i = 0; i < queue.matchRows().size(); i++) {
                if (queue.matchRows().get(i).isBroken()) {
                    grid.scrollTo(i);
                    grid.getSelectionModel().clearAndSelect(i);
                    return;
                }
            }
        });
        Label gridPlaceholder = new Label();
        gridPlaceholder.setWrapText(true);
        gridPlaceholder.textProperty().bind(Bindings.when(Bindings.isEmpty(queue.detailStatusProperty()))
                .then("No lines.").otherwise(queue.detailStatusProperty()));
        grid.setPlaceholder(gridPlaceholder);
        grid.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        grid.getStyleClass().addAll("dense", "match-grid");
        // Five columns that fit beside the PDF at 1280 px: quantities and prices side by side, long names and the
        // broken tolerance wrapped (the row's tooltip has every figure spelled out).
        grid.getColumns().add(fixed(Tables.textColumn("#", 30, MatchRow::line), 30));
        grid.getColumns().add(fixed(wrapping(Tables.textColumn("Item", 110, MatchRow::item)), 90));
        grid.getColumns().add(fixed(Tables.textColumn("Ord / rcv / inv", 130, r -> r.ordered().isEmpty() ? r.invoiced()
                : r.ordered() + " / " + r.received() + " / " + r.invoiced()
                + (r.previouslyInvoiced().isEmpty() || r.previouslyInvoiced().equals("0") ? ""
                : " (+" + r.previouslyInvoiced() + " before)")), 80));
        grid.getColumns().add(fixed(Tables.textColumn("PO → inv. price", 116, r -> r.poPrice().isEmpty() ? r.invoicePrice()
                : r.poPrice() + " → " + r.invoicePrice() + (r.variance().isEmpty() ? "" : "\n" + r.variance())), 70));
        grid.getColumns().add(fixed(wrapping(Tables.textColumn("Tolerance broken", 180, MatchRow::broken)), 110));
        grid.getColumns().forEach(c -> c.setSortable(false));
        grid.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(MatchRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("match-broken");
                setTooltip(null);
                if (!empty && row != null) {
                    setTooltip(new Tooltip("Line " + row.line() + ": " + row.item()
                            + "\nOrdered " + row.ordered() + ", received " + row.received()
                            + ", previously invoiced " + row.previouslyInvoiced() + ", invoiced " + row.invoiced()
                            + "\nPO price " + row.poPrice() + ", invoice price " + row.invoicePrice()
                            + (row.variance().isEmpty() ? "" : " (" + row.variance() + ")")
                            + (row.isBroken() ? "\nBroke: " + row.broken() : "")));
                    if (row.isBroken()) {
                        getStyleClass().add("match-broken");
                    }
                }
            }
        });

        ListView<String> holds = new ListView<>(queue.holds());
        holds.setId("holdList");
        Label noHolds = new Label();
        noHolds.textProperty().bind(Bindings.when(Bindings.isEmpty(queue.detailStatusProperty()))
                .then("No open holds.").otherwise("Holds not loaded."));
        holds.setPlaceholder(noHolds);
        holds.setPrefHeight(78);
        holds.setMinHeight(52);
        holds.setCellFactory(lv -> new javafx.scene.control.ListCell<>() {
            private final javafx.scene.text.Text line = new javafx.scene.text.Text();

            {
                line.getStyleClass().add("wrapped-text");
                line.wrappingWidthProperty().bind(lv.widthProperty().subtract(30));
            }

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(null);
                line.setText(empty || text == null ? "" : text);
                setGraphic(empty ? null : line);
                setTooltip(empty || text == null ? null : new Tooltip(text));
            }
        });
        holds.getStyleClass().add("dense");
        Label model = new Label();
        model.setId("modelPanel");
        model.setWrapText(true);
        model.getStyleClass().add("banner");
        model.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        model.setMaxWidth(Double.MAX_VALUE);
        model.textProperty().bind(queue.modelTextProperty());

        ListView<String> history = new ListView<>(queue.history());
        history.setId("historyList");
        Tab historyTab = new Tab("History", history);
        historyTab.setTooltip(new Tooltip("History  (" + keys.display(KeyBinding.SHOW_HISTORY) + ")"));
        historyTab.setClosable(false);
        Tab unsentTab = new Tab("Not yet sent", unsentPane());
        unsentTab.setTooltip(new Tooltip("Decisions not yet sent  (" + keys.display(KeyBinding.SHOW_OUTBOX) + ")"));
        unsentTab.setId("unsentTab");
        unsentTab.setClosable(false);
        Tab checkTab = new Tab("PDF vs ERP", pdfCheckPane());
        checkTab.setId("pdfCheckTab");
        checkTab.setClosable(false);
        checkTab.setTooltip(new Tooltip("PDF vs ERP  (" + keys.display(KeyBinding.SHOW_PDF_CHECK) + ")"));
        String checkKey = "";
        checkTab.textProperty().bind(Bindings.createStringBinding(() -> {
            long differ = queue.pdfFields().stream().filter(f -> !f.agrees()).count();
            return (differ == 0 ? "PDF vs ERP" : "PDF vs ERP (" + differ + " differ)") + checkKey;
        }, queue.pdfFields()));
        tabs.getTabs().addAll(checkTab, historyTab, unsentTab);
        tabs.setId("detailTabs");
        tabs.setMinHeight(0);

        Label holdsTitle = new Label("Open holds");
        holdsTitle.getStyleClass().add("field-label");
        Label gridTitle = new Label("Line match: ordered, received, invoiced, price; broken tolerances highlighted");
        gridTitle.setWrapText(true);
        gridTitle.getStyleClass().add("field-label");
        VBox match = new VBox(6, header, status, decisions, hint, gridTitle, grid, holdsTitle, holds, model);
        match.setMinHeight(0);
        SplitPane detail = new SplitPane(match, tabs);
        detail.setId("detailSplit");
        detail.setOrientation(javafx.geometry.Orientation.VERTICAL);
        detail.setDividerPositions(layouts.dividers("invoices.detail", new double[] {0.82}));
        detail.getDividers().get(0).positionProperty().addListener((o, was, now) ->
                layouts.rememberDividers("invoices.detail", detail.getDividerPositions()));
        VBox.setVgrow(detail, Priority.ALWAYS);
        VBox box = new VBox(detail);
        box.setMinWidth(0);
        box.setPadding(new Insets(4, 4, 4, 8));
        return box;
    }

    /** The supplier's PDF, full height beside the match lines; fit to the pane's width until zoomed. */
    private VBox pdfPane() {
        ImageView page = new ImageView();
        page.setId("pdfPage");
        page.setPreserveRatio(true);
        page.setSmooth(true);
        queue.pdfImageProperty().addListener((o, was, img) -> page.setImage(img == null ? null : SwingFXUtils.toFXImage(img, null)));
        Label pdfMessage = new Label();
        pdfMessage.setId("pdfMessage");
        pdfMessage.setWrapText(true);
        pdfMessage.textProperty().bind(queue.pdfMessageProperty());
        pdfMessage.visibleProperty().bind(Bindings.isNotEmpty(queue.pdfMessageProperty()));
        pdfScroll.setContent(page);
        pdfScroll.setId("pdfScroll");
        pdfScroll.setPannable(true);
        javafx.beans.property.BooleanProperty fit = new javafx.beans.property.SimpleBooleanProperty(true);
        page.fitWidthProperty().bind(Bindings.when(fit).then(Bindings.createDoubleBinding(
                () -> Math.max(100, pdfScroll.getViewportBounds().getWidth() - 2), pdfScroll.viewportBoundsProperty()))
                .otherwise(0));
        StackPane pdfArea = new StackPane(pdfScroll, pdfMessage);
        Button prev = new Button("◀");
        prev.setTooltip(new Tooltip("Previous page"));
        prev.setOnAction(e -> queue.previousPage());
        Button next = new Button("▶");
        next.setTooltip(new Tooltip("Next page"));
        next.setOnAction(e -> queue.nextPage());
        Button fitWidth = new Button("Fit width");
        fitWidth.setId("pdfFitWidth");
        fitWidth.setOnAction(e -> fit.set(true));
        Button zoomIn = new Button("+");
        zoomIn.setTooltip(new Tooltip("Zoom in"));
        zoomIn.setOnAction(e -> {
            fit.set(false);
            queue.zoomIn();
        });
        Button zoomOut = new Button("−");
        zoomOut.setTooltip(new Tooltip("Zoom out"));
        zoomOut.setOnAction(e -> {
            fit.set(false);
            queue.zoomOut();
        });
        Label pageOf = new Label();
        pageOf.textProperty().bind(Bindings.when(queue.pdfPagesProperty().greaterThan(0))
                .then(Bindings.concat("page ", queue.pdfPageProperty().add(1), " of ", queue.pdfPagesProperty()))
                .otherwise(""));
        Label title = new Label("Supplier PDF");
        title.getStyleClass().add("title-4");
        HBox pdfBar = new HBox(6, title, prev, next, zoomOut, zoomIn, fitWidth, pageOf);
        pdfBar.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(pdfArea, Priority.ALWAYS);
        VBox box = new VBox(6, pdfBar, pdfArea);
        box.setId("pdfPane");
        box.setPadding(new Insets(4, 4, 4, 8));
        box.setMinWidth(180);
        return box;
    }

    /** Wraps the column's text over as many lines as it needs instead of cutting it. */
    private static <S> TableColumn<S, String> wrapping(TableColumn<S, String> column) {
        column.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            private final javafx.scene.text.Text text = new javafx.scene.text.Text();

            {
                text.getStyleClass().add("wrapped-text");
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(10));
                setPrefHeight(javafx.scene.control.Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
            }
        });
        return column;
    }

    private static <S, T> TableColumn<S, T> fixed(TableColumn<S, T> column, double min) {
        column.setMinWidth(min);
        return column;
    }

    private VBox pdfCheckPane() {
        Label summary = new Label();
        summary.setId("pdfCheckSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(Bindings.when(Bindings.isEmpty(queue.pdfCheckTextProperty()))
                .then("The supplier's PDF is read and compared with the ERP once it has loaded.")
                .otherwise(queue.pdfCheckTextProperty()));
        TableView<DocumentCheck.Field> fields = new TableView<>(queue.pdfFields());
        fields.setId("pdfFields");
        fields.setPlaceholder(new Label("No fields read yet."));
        fields.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        fields.getStyleClass().add("dense");
        fields.getColumns().add(Tables.textColumn("Field", 120, DocumentCheck.Field::field));
        fields.getColumns().add(Tables.textColumn("On the PDF", 180, f -> f.pdf().isEmpty() ? "(not found)" : f.pdf()));
        fields.getColumns().add(Tables.textColumn("In the ERP", 180, DocumentCheck.Field::erp));
        fields.getColumns().forEach(c -> c.setSortable(false));
        fields.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(DocumentCheck.Field f, boolean empty) {
                super.updateItem(f, empty);
                getStyleClass().remove("match-broken");
                if (!empty && f != null && !f.agrees()) {
                    getStyleClass().add("match-broken");
                }
            }
        });
        VBox.setVgrow(fields, Priority.ALWAYS);
        VBox box = new VBox(6, summary, fields);
        box.setPadding(new Insets(6, 0, 0, 0));
        return box;
    }

    private VBox unsentPane() {
        TableView<OutboxRow> unsent = new TableView<>(outbox.unsent());
        unsent.setId("outboxTable");
        unsent.setPlaceholder(new Label("Every decision has reached the gateway."));
        unsent.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        unsent.getColumns().add(Tables.textColumn("Taken", 120, OutboxRow::queuedAt));
        unsent.getColumns().add(Tables.textColumn("Invoice", 90, OutboxRow::invoice));
        unsent.getColumns().add(Tables.textColumn("Decision", 110, OutboxRow::action));
        unsent.getColumns().add(Tables.textColumn("State", 70, OutboxRow::state));
        unsent.getColumns().add(Tables.textColumn("Tries", 45, r -> Integer.toString(r.attempts())));
        unsent.getColumns().add(Tables.textColumn("Why it waits", 300, OutboxRow::problem));
        Button retry = new Button("Retry failed  (" + keys.display(KeyBinding.RETRY_OUTBOX) + ")");
        retry.setId("retryOutbox");
        retry.setOnAction(e -> outbox.retryFailed());
        Button discard = new Button("Discard selected");
        discard.setId("discardOutbox");
        discard.disableProperty().bind(unsent.getSelectionModel().selectedItemProperty().isNull());
        discard.setOnAction(e -> outbox.discard(unsent.getSelectionModel().getSelectedItem()));
        VBox.setVgrow(unsent, Priority.ALWAYS);
        return new VBox(6, new HBox(6, retry, discard), unsent);
    }

    private void promptConflicts() {
        for (OutboxRow conflict : List.copyOf(outbox.conflicts())) {
            if (!promptedConflicts.add(conflict.id())) {
                continue;
            }
            ButtonType again = new ButtonType("Decide again", ButtonBar.ButtonData.OK_DONE);
            ButtonType drop = new ButtonType("Discard my decision", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(Alert.AlertType.WARNING, conflict.problem(), again, drop);
            alert.setTitle("Invoice changed before your decision arrived");
            alert.setHeaderText("Your " + conflict.action().toLowerCase() + " of " + conflict.invoice() + " was not applied");
            alert.getDialogPane().setId("conflictDialog");
            if (getScene() != null) {
                alert.initOwner(getScene().getWindow());
            }
            alert.show();
            alert.setOnHidden(e -> {
                if (alert.getResult() == again) {
                    queue.decideAgain(conflict.id(), conflict.invoiceId());
                } else {
                    outbox.discard(conflict);
                }
            });
        }
    }

    private Button decisionButton(String id, String text, KeyBinding binding) {
        Button b = new Button(text);
        Label key = new Label(keys.display(binding));
        key.getStyleClass().add("kbd");
        b.setGraphic(key);
        b.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        b.setId(id);
        b.setTooltip(new Tooltip(binding.label() + "  (" + keys.display(binding) + ")"));
        b.setOnAction(e -> keyActions().get(binding).run());
        return b;
    }

    private Optional<String> ask(DecisionAction action, String question) {
        return ask(action, question, "");
    }

    private Optional<String> ask(DecisionAction action, String question, String suggested) {
        TextInputDialog dialog = new TextInputDialog(suggested);
        dialog.setTitle(action.label());
        dialog.setHeaderText(action.label() + " " + Optional.ofNullable(queue.selectedProperty().get())
                .map(QueueItem::invoiceNumber).orElse(""));
        dialog.setContentText(question);
        dialog.getDialogPane().setId("decisionDialog");
        ((Button) dialog.getDialogPane().lookupButton(ButtonType.OK)).setText(action.label());
        if (getScene() != null) {
            dialog.initOwner(getScene().getWindow());
        }
        return dialog.showAndWait().map(String::strip).filter(s -> !s.isEmpty());
    }

    private static TextField small(String id, String prompt) {
        TextField f = new TextField();
        f.setId(id);
        f.setPromptText(prompt);
        f.setPrefColumnCount(8);
        return f;
    }

    private FlowPane savedViewsBar() {
        ComboBox<String> saved = new ComboBox<>(views.names());
        saved.setId("savedViews");
        saved.setPromptText("Saved views");
        saved.setPrefWidth(200);
        saved.setOnAction(e -> views.apply(saved.getValue()));
        Button save = new Button("Save…");
        save.setId("saveView");
        save.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog(saved.getValue() == null ? "" : saved.getValue());
            ask.setTitle("Save view");
            ask.setHeaderText("Save the current filters as a view");
            ask.setContentText("Name:");
            ask.initOwner(getScene() == null ? null : getScene().getWindow());
            ask.showAndWait().ifPresent(name -> {
                views.save(name);
                saved.setValue(name.strip());
            });
        });
        Button delete = new Button("Delete");
        delete.setId("deleteView");
        delete.disableProperty().bind(saved.valueProperty().isNull());
        delete.setOnAction(e -> {
            views.delete(saved.getValue());
            saved.setValue(null);
        });
        Button clear = new Button("Clear filters");
        save.setTooltip(new javafx.scene.control.Tooltip("Save the current filters as a named view"));
        delete.setTooltip(new javafx.scene.control.Tooltip("Delete the selected view"));
        clear.setId("clearFilters");
        clear.setOnAction(e -> {
            saved.setValue(null);
            views.clearFilters();
        });
        Label note = new Label();
        note.getStyleClass().add("text-muted");
        note.textProperty().bind(views.messageProperty());
        for (Button b : List.of(save, delete, clear)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        FlowPane bar = new FlowPane(6, 6, saved, save, delete, clear, note);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static void showValue(TextField field, BigDecimal value) {
        BigDecimal shown = decimal(field.getText());
        if (value == null ? shown != null : shown == null || shown.compareTo(value) != 0) {
            field.setText(value == null ? "" : value.toPlainString());
        }
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
