package io.backroom.app.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.services.audit.AuditKind;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditReport;
import io.backroom.app.services.audit.DecisionTaken;
import io.backroom.app.services.audit.ModelOutputShown;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.tasks.TaskExecutor;
import io.backroom.app.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditViewModelTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T08:00:00Z"));
    private LocalStore store;
    private AuditLog log;
    private AuditViewModel model;

    @BeforeEach
    void open() {
        store = LocalStore.open(dir.resolve("console.db"), clock);
        log = new AuditLog(store);
        log.record(new ModelOutputShown("ana", "INV-1", "exception-classifier", "1.2.0", "p", "i",
                "PRICE_INCREASE -> REQUEST_CREDIT", new BigDecimal("0.91"), List.of("price up 4%")));
        clock.advance(Duration.ofMinutes(2));
        log.record(new DecisionTaken("ana", clock.instant(), "INV-1", "RELEASE", null, "REQUEST_CREDIT", "k1"));
        clock.advance(Duration.ofDays(2));
        log.record(new DecisionTaken("ben", clock.instant(), "INV-2", "REJECT", "duplicate", null, "k2"));
        model = new AuditViewModel(TaskExecutor.direct(), log, new AuditReport(log, clock), dir.resolve("reports"),
                () -> "ana", clock, ZoneOffset.UTC);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void listsNewestFirstAndOffersTheKnownUsersModelsAndActions() {
        model.refresh();
        // newest first across every user's chain; each user's entries are numbered in their own chain
        assertThat(model.rows()).extracting(AuditRow::user).containsExactly("ben", "ana", "ana");
        assertThat(model.rows()).extracting(AuditRow::seq).containsExactly(1L, 2L, 1L);
        assertThat(model.rows().get(1).what()).isEqualTo("RELEASE (overrode the model: REQUEST_CREDIT)");
        assertThat(model.users()).containsExactly("ana", "ben");
        assertThat(model.models()).containsExactly("exception-classifier");
        assertThat(model.countTextProperty().get()).isEqualTo("3 entries");
    }

    @Test
    void filtersByUserKindAndDate() {
        model.userProperty().set("ana");
        model.kindProperty().set(AuditKind.DECISION);
        model.refresh();
        assertThat(model.rows()).extracting(AuditRow::invoice).containsExactly("INV-1");

        model.clearFilters();
        model.fromProperty().set(LocalDate.parse("2026-03-12"));
        model.refresh();
        assertThat(model.rows()).extracting(AuditRow::user).containsExactly("ben");
    }

    @Test
    void refusesADateRangeThatEndsBeforeItStarts() {
        model.fromProperty().set(LocalDate.parse("2026-03-12"));
        model.toProperty().set(LocalDate.parse("2026-03-01"));
        model.refresh();
        assertThat(model.messageProperty().get()).isEqualTo("The end date is before the start date; change one of them.");
    }

    @Test
    void verifyMarksTheEditedEntry() {
        model.refresh();
        model.verify();
        assertThat(model.intactProperty().get()).isTrue();

        store.transaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DROP TRIGGER audit_entry_no_update");
                s.execute("UPDATE audit_entry SET actor = 'mallory' WHERE seq = 2");
            }
            return null;
        });
        model.refresh();
        model.verify();
        assertThat(model.intactProperty().get()).isFalse();
        assertThat(model.integrityTextProperty().get()).contains("Entry #2 was edited");
        assertThat(model.rows()).filteredOn(r -> r.problem() != null).extracting(AuditRow::seq).containsExactly(2L);
    }

    @Test
    void exportsTheChosenRangeToTheReportsFolder() {
        model.fromProperty().set(LocalDate.parse("2026-03-10"));
        model.toProperty().set(LocalDate.parse("2026-03-10"));
        model.export();
        assertThat(model.messageProperty().get()).startsWith("Exported 2 entries to ");
        assertThat(dir.resolve("reports/audit-2026-03-10-to-2026-03-10.pdf")).isNotEmptyFile();
        assertThat(model.exportingProperty().get()).isFalse();
    }
}
