package io.backroom.app.ui.invoices;

import io.backroom.api.model.HoldCode;
import io.backroom.app.services.settings.SavedView;
import io.backroom.app.services.settings.SettingsStore;
import io.backroom.app.tasks.TaskExecutor;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saved views of the held-invoice queue: the current filters stored under a name, applied again in one step. Views
 * are read once from the settings loaded at start and written back in the background.
 */
public final class SavedViewsViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SavedViewsViewModel.class);
    private final TaskExecutor executor;
    private final InvoiceQueueViewModel queue;
    private final SettingsStore settings;
    private final Map<String, SavedView> views = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public SavedViewsViewModel(TaskExecutor executor, InvoiceQueueViewModel queue, Map<String, String> startupSettings,
                               SettingsStore settings) {
        this.executor = executor;
        this.queue = queue;
        this.settings = settings;
        startupSettings.forEach((key, value) -> {
            if (key.startsWith(SavedView.PREFIX)) {
                String name = key.substring(SavedView.PREFIX.length());
                SavedView.decode(name, value).ifPresentOrElse(v -> views.put(v.name(), v),
                        () -> LOG.warn("Ignoring the unreadable saved view '{}'", name));
            }
        });
        names.setAll(views.keySet());
    }

    /** The saved views' names, sorted. */
    public ObservableList<String> names() {
        return names;
    }

    /** What happened to the last save or delete, in words. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Saves the queue's current filters as {@code name}, replacing a view of that name. */
    public void save(String name) {
        if (name == null || name.isBlank()) {
            message.set("Give the view a name to save it.");
            return;
        }
        HoldCode hold = queue.holdCodeProperty().get();
        SavedView view = new SavedView(name, queue.searchProperty().get(), hold == null ? "" : hold.name(),
                queue.supplierProperty().get(), queue.storeProperty().get(), queue.minAmountProperty().get(),
                queue.maxAmountProperty().get(), queue.dueWithinDaysProperty().get());
        SavedView replaced = views.remove(view.name());
        views.put(view.name(), view);
        names.setAll(views.keySet());
        executor.submit(() -> {
            if (replaced != null && !replaced.name().equals(view.name())) {
                settings.remove(SavedView.key(replaced.name()));
            }
            settings.put(SavedView.key(view.name()), view.encode());
            return view;
        }, v -> message.set("Saved the view \"" + v.name() + "\"."),
                e -> {
                    LOG.warn("Could not save the view {}", view.name(), e);
                    message.set("The view \"" + view.name() + "\" could not be saved: the local store did not answer.");
                });
    }

    /** Sets the queue's filters to the view {@code name}; false when there is no such view. */
    public boolean apply(String name) {
        SavedView v = name == null ? null : views.get(name.strip());
        if (v == null) {
            return false;
        }
        queue.searchProperty().set(v.search());
        queue.holdCodeProperty().set(holdCode(v.holdCode()).orElse(null));
        queue.supplierProperty().set(v.supplier());
        queue.storeProperty().set(v.store());
        queue.minAmountProperty().set(v.minAmount());
        queue.maxAmountProperty().set(v.maxAmount());
        queue.dueWithinDaysProperty().set(v.dueWithinDays());
        return true;
    }

    /** Clears every filter of the queue. */
    public void clearFilters() {
        queue.clearFilters();
    }

    /** Forgets the view {@code name}. */
    public void delete(String name) {
        SavedView v = name == null ? null : views.remove(name.strip());
        if (v == null) {
            return;
        }
        names.setAll(views.keySet());
        executor.submit(() -> {
            settings.remove(SavedView.key(v.name()));
            return v;
        }, gone -> message.set("Deleted the view \"" + gone.name() + "\"."),
                e -> LOG.warn("Could not delete the view {}", v.name(), e));
    }

    private static Optional<HoldCode> holdCode(String name) {
        try {
            return name.isEmpty() ? Optional.empty() : Optional.of(HoldCode.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
