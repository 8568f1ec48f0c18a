package io.backroom.app.ui.invoices;

import io.backroom.app.services.UserMessages;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.outbox.OutboxItem;
import io.backroom.app.services.outbox.OutboxState;
import io.backroom.app.tasks.TaskExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invoices workspace. Today it shows the decisions that have not reached the gateway yet
 * (waiting, failed, in conflict) and lets the clerk retry or discard them; the held-invoice queue
 * joins it once the gateway serves invoices. Testable without a toolkit.
 */
public final class InvoicesViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(InvoicesViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskExecutor executor;
    private final DecisionOutbox outbox;
    private final ZoneId zone;
    private final ObservableList<OutboxRow> unsent = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObservableList<OutboxRow> conflicts = FXCollections.observableArrayList();
    private java.util.function.Function<String, String> labels = id -> id;
    private final List<java.util.function.Consumer<List<OutboxRow>>> unsentListeners = new java.util.ArrayList<>();

    public InvoicesViewModel(TaskExecutor executor, DecisionOutbox outbox, ZoneId zone) {
        this.executor = executor;
        this.outbox = outbox;
        this.zone = zone;
    }

    /** Decisions not yet applied on the gateway, oldest first. */
    public ObservableList<OutboxRow> unsent() {
        return unsent;
    }

    /** Decisions the gateway refused with 412 (someone changed the invoice first), waiting for the clerk. */
    public ObservableList<OutboxRow> conflicts() {
        return conflicts;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Names invoices in business terms (number and supplier) instead of the gateway's ids. */
    public void useLabels(java.util.function.Function<String, String> invoiceLabels) {
        this.labels = invoiceLabels;
    }

    /** Calls {@code listener} on the UI thread with the unsent decisions after every refresh. */
    public void onUnsent(java.util.function.Consumer<List<OutboxRow>> listener) {
        unsentListeners.add(listener);
    }

    // Commands

    /** Reloads the unsent decisions. */
    public void refresh() {
        executor.submit(() -> outbox.list(OutboxState.PENDING, OutboxState.SENDING, OutboxState.FAILED,
                OutboxState.CONFLICT), items -> {
                    List<OutboxRow> rows = rows(items);
                    unsent.setAll(rows);
                    unsentListeners.forEach(l -> l.accept(rows));
                    List<OutboxRow> now = rows.stream().filter(r -> r.status() == OutboxState.CONFLICT).toList();
                    if (!now.equals(conflicts)) {
                        conflicts.setAll(now);
                    }
                }, error -> {
                    LOG.error("Reading the outbox failed", error);
                    message.set(UserMessages.describe("reading the decisions waiting to be sent", error));
                });
    }

    /** Sends every failed decision again. */
    public void retryFailed() {
        executor.submit(() -> {
            List<OutboxItem> failed = outbox.list(OutboxState.FAILED);
            failed.forEach(i -> outbox.retry(i.id()));
            return failed.size();
        }, n -> {
            message.set(n == 0 ? "No failed decisions to retry." : n + (n == 1 ? " decision" : " decisions") + " queued again.");
            refresh();
        }, error -> message.set(UserMessages.describe("retrying the failed decisions", error)));
    }

    /** Drops a failed or conflicting decision (it stays on record). */
    public void discard(OutboxRow row) {
        executor.submit(() -> {
            outbox.discard(row.id());
            return row;
        }, r -> {
            message.set("Discarded the " + r.action().toLowerCase(Locale.ROOT) + " of " + r.invoice() + ".");
            refresh();
        }, error -> message.set(UserMessages.describe("discarding the decision", error)));
    }

    private List<OutboxRow> rows(List<OutboxItem> items) {
        return items.stream().map(i -> new OutboxRow(i.id(), TIME.format(i.createdAt().atZone(zone)),
                labels.apply(i.decision().invoiceId()), i.decision().action().label(), stateLabel(i.state()), i.attempts(),
                i.lastError() == null ? "" : i.lastError(), i.decision().invoiceId(), i.state())).toList();
    }

    static String stateLabel(OutboxState state) {
        return switch (state) {
            case PENDING -> "Waiting";
            case SENDING -> "Sending";
            case FAILED -> "Failed";
            case CONFLICT -> "Conflict";
            case DONE -> "Sent";
            case DISCARDED -> "Discarded";
        };
    }
}
