package io.backroom.app.ui.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.HoldCode;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.invoices.DecisionService;
import io.backroom.app.services.invoices.InvoiceQueueService;
import io.backroom.app.services.invoices.Prioritiser;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.settings.SettingsStore;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.tasks.TaskExecutor;
import io.backroom.app.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved views against a real local store, without a toolkit. */
class SavedViewsViewModelTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-02T09:00:00Z"));
    private LocalStore store;
    private SettingsStore settings;
    private InvoiceQueueViewModel queue;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("console.db"), clock);
        settings = new SettingsStore(store);
        queue = queue();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private InvoiceQueueViewModel queue() {
        DecisionOutbox outbox = new DecisionOutbox(store, new AuditLog(store));
        return new InvoiceQueueViewModel(TaskExecutor.direct(),
                new InvoiceQueueService(Optional::empty, Prioritiser.moneyAtRisk(), clock, ZoneOffset.UTC),
                new DecisionService(outbox, Optional::empty), () -> "ap.clerk", clock, ZoneOffset.UTC);
    }

    @Test
    void aSavedViewComesBackAfterARestartAndSetsEveryFilter() {
        SavedViewsViewModel views = new SavedViewsViewModel(TaskExecutor.direct(), queue, settings.withPrefix(""), settings);
        queue.searchProperty().set("meuse");
        queue.holdCodeProperty().set(HoldCode.PRICE_VARIANCE);
        queue.storeProperty().set("S068");
        queue.minAmountProperty().set(new BigDecimal("10000"));
        queue.dueWithinDaysProperty().set(7);
        views.save("Meuse price variances");
        assertThat(views.messageProperty().get()).contains("Saved");

        InvoiceQueueViewModel fresh = queue();
        SavedViewsViewModel restarted = new SavedViewsViewModel(TaskExecutor.direct(), fresh, settings.withPrefix(""), settings);

        assertThat(restarted.names()).containsExactly("Meuse price variances");
        assertThat(restarted.apply("Meuse price variances")).isTrue();
        assertThat(fresh.searchProperty().get()).isEqualTo("meuse");
        assertThat(fresh.holdCodeProperty().get()).isEqualTo(HoldCode.PRICE_VARIANCE);
        assertThat(fresh.storeProperty().get()).isEqualTo("S068");
        assertThat(fresh.supplierProperty().get()).isEmpty();
        assertThat(fresh.minAmountProperty().get()).isEqualByComparingTo("10000");
        assertThat(fresh.maxAmountProperty().get()).isNull();
        assertThat(fresh.dueWithinDaysProperty().get()).isEqualTo(7);
    }

    @Test
    void savingUnderAnExistingNameReplacesItAndDeletingForgetsIt() {
        SavedViewsViewModel views = new SavedViewsViewModel(TaskExecutor.direct(), queue, settings.withPrefix(""), settings);
        queue.storeProperty().set("S001");
        views.save("Mine");
        queue.storeProperty().set("S002");
        views.save("mine ");

        assertThat(views.names()).hasSize(1);
        views.clearFilters();
        views.apply("Mine");
        assertThat(queue.storeProperty().get()).isEqualTo("S002");

        views.delete("Mine");
        assertThat(views.names()).isEmpty();
        assertThat(settings.withPrefix("ui.views.")).isEmpty();
        assertThat(views.apply("Mine")).isFalse();
    }

    @Test
    void aViewWithoutANameIsNotSaved() {
        SavedViewsViewModel views = new SavedViewsViewModel(TaskExecutor.direct(), queue, settings.withPrefix(""), settings);

        views.save("  ");

        assertThat(views.names()).isEmpty();
        assertThat(views.messageProperty().get()).contains("name");
    }

    @Test
    void anUnreadableStoredViewIsSkippedAndTheOthersLoad() {
        settings.put("ui.views.invoices.Broken", "min=lots");
        settings.put("ui.views.invoices.Fine", "store=S003");

        SavedViewsViewModel views = new SavedViewsViewModel(TaskExecutor.direct(), queue, settings.withPrefix(""), settings);

        assertThat(views.names()).containsExactly("Fine");
    }
}
