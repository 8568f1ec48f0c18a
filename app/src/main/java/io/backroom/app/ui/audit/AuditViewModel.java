package io.backroom.app.ui.audit;

import io.backroom.app.services.UserMessages;
import io.backroom.app.services.audit.AuditEntry;
import io.backroom.app.services.audit.AuditKind;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditQuery;
import io.backroom.app.services.audit.AuditReport;
import io.backroom.app.services.audit.IntegrityReport;
import io.backroom.app.tasks.TaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit workspace: filters, the matching entries, "verify integrity" and the PDF export of a
 * date range. All reading and writing runs through the {@link TaskExecutor}. Testable without a toolkit.
 */
public final class AuditViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(AuditViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_ROWS = 5000;

    private final TaskExecutor executor;
    private final AuditLog log;
    private final AuditReport report;
    private final Path reportDirectory;
    private final Supplier<String> currentUser;
    private final Clock clock;
    private final ZoneId zone;

    // Properties: filters
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty invoice = new SimpleStringProperty("");
    private final StringProperty model = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty("");
    private java.util.function.Function<String, String> labels = id -> id;
    private final ObjectProperty<AuditKind> kind = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> to = new SimpleObjectProperty<>();
    // Properties: results
    private final ObservableList<AuditRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> users = FXCollections.observableArrayList();
    private final ObservableList<String> models = FXCollections.observableArrayList();
    private final ObservableList<String> actions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper integrityText = new ReadOnlyStringWrapper("Not verified yet.");
    private final ReadOnlyObjectWrapper<Boolean> intact = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final BooleanProperty loading = new SimpleBooleanProperty(false);
    private Map<String, String> problems = Map.of();
    private TaskExecutor.Cancellable exportTask;

    public AuditViewModel(TaskExecutor executor, AuditLog log, AuditReport report, Path reportDirectory,
                          Supplier<String> currentUser, Clock clock, ZoneId zone) {
        this.executor = executor;
        this.log = log;
        this.report = report;
        this.reportDirectory = reportDirectory;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = zone;
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        from.set(today.minusDays(30));
        to.set(today);
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty invoiceProperty() {
        return invoice;
    }

    public StringProperty modelProperty() {
        return model;
    }

    public StringProperty actionProperty() {
        return action;
    }

    /** Names invoices in business terms (number and supplier) where the console knows them. */
    public void useLabels(java.util.function.Function<String, String> invoiceLabels) {
        this.labels = invoiceLabels;
    }

    public ObjectProperty<AuditKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> toProperty() {
        return to;
    }

    public ObservableList<AuditRow> rows() {
        return rows;
    }

    public ObservableList<String> users() {
        return users;
    }

    public ObservableList<String> models() {
        return models;
    }

    public ObservableList<String> actions() {
        return actions;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty integrityTextProperty() {
        return integrityText.getReadOnlyProperty();
    }

    /** {@code null} until verified, then whether the chain is intact. */
    public ReadOnlyObjectProperty<Boolean> intactProperty() {
        return intact.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The last outcome or error, as a plain sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    // Commands

    /** Lists the entries matching the filters (newest first) and refreshes the filter choices. */
    public void refresh() {
        if (from.get() != null && to.get() != null && to.get().isBefore(from.get())) {
            message.set("The end date is before the start date; change one of them.");
            return;
        }
        AuditQuery query = new AuditQuery(blankToNull(user.get()), blankToNull(invoice.get()), blankToNull(model.get()),
                blankToNull(action.get()), kind.get(), start(), end(), MAX_ROWS);
        loading.set(true);
        executor.submit(() -> new Loaded(log.find(query), log.distinct(AuditLog.Column.USER),
                log.distinct(AuditLog.Column.MODEL), log.distinct(AuditLog.Column.ACTION)), loaded -> {
                    loading.set(false);
                    rows.setAll(loaded.entries.stream().map(this::row).toList());
                    replaceIfChanged(users, loaded.users);
                    replaceIfChanged(models, loaded.models);
                    replaceIfChanged(actions, loaded.actions);
                    countText.set(loaded.entries.size() >= MAX_ROWS ? "Showing the newest " + MAX_ROWS + " entries; narrow the filters"
                            : loaded.entries.size() + (loaded.entries.size() == 1 ? " entry" : " entries"));
                }, error -> {
                    loading.set(false);
                    LOG.error("Listing the audit log failed", error);
                    message.set(UserMessages.describe("reading the audit log", error));
                });
    }

    /** Clears every filter except the dates. */
    public void clearFilters() {
        user.set("");
        invoice.set("");
        model.set("");
        action.set("");
        kind.set(null);
        refresh();
    }

    /** Walks the whole chain and marks the entries found edited or removed. */
    public void verify() {
        integrityText.set("Verifying…");
        executor.submit(log::verify, result -> {
            intact.set(result.intact());
            integrityText.set(result.summary());
            problems = result.problems().stream().collect(Collectors.toMap(IntegrityReport.Problem::key,
                    IntegrityReport.Problem::message, (a, b) -> a + " " + b));
            rows.replaceAll(r -> new AuditRow(r.seq(), r.time(), r.user(), r.kind(), r.invoice(), r.what(), r.hash(),
                    problems.get(IntegrityReport.Problem.key(r.source(), r.seq())), r.source()));
        }, error -> {
            LOG.error("Verifying the audit log failed", error);
            intact.set(false);
            integrityText.set(UserMessages.describe("verifying the audit log", error));
        });
    }

    /** Exports the selected date range to a PDF in the reports folder. Cancel with {@link #cancelExport()}. */
    public void export() {
        LocalDate first = from.get() == null ? LocalDate.ofInstant(clock.instant(), zone) : from.get();
        LocalDate last = to.get() == null ? LocalDate.ofInstant(clock.instant(), zone) : to.get();
        if (last.isBefore(first)) {
            message.set("The end date is before the start date; change one of them.");
            return;
        }
        Path target = reportDirectory.resolve("audit-" + first + "-to-" + last + ".pdf");
        exporting.set(true);
        message.set("Exporting the audit report…");
        String by = currentUser.get();
        exportTask = executor.submit(() -> report.export(first, last, zone, by, target), count -> {
            exporting.set(false);
            message.set("Exported " + count + (count == 1 ? " entry" : " entries") + " to " + target);
        }, error -> {
            exporting.set(false);
            LOG.error("Exporting the audit report failed", error);
            message.set(UserMessages.describe("exporting the audit report", error));
        });
    }

    /** Stops a running export; no partial file is left behind. */
    public void cancelExport() {
        if (exportTask != null && exporting.get() && exportTask.cancel()) {
            exporting.set(false);
            message.set("Export cancelled.");
        }
    }

    private AuditRow row(AuditEntry e) {
        return new AuditRow(e.seq(), TIME.format(e.recordedAt().atZone(zone)), e.actor(),
                e.kind().label(), e.invoiceId() == null ? "" : labels.apply(e.invoiceId()),
                e.summary(), e.hash(), problems.get(IntegrityReport.Problem.key(e.source(), e.seq())), e.source());
    }

    private Instant start() {
        return from.get() == null ? null : from.get().atStartOfDay(zone).toInstant();
    }

    private Instant end() {
        return to.get() == null ? null : to.get().plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void replaceIfChanged(ObservableList<String> target, List<String> values) {
        if (!target.equals(values)) {
            target.setAll(values);
        }
    }

    private record Loaded(List<AuditEntry> entries, List<String> users, List<String> models, List<String> actions) {
    }
}
