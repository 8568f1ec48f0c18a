package io.backroom.app.ui.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.services.audit.AuditKind;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditQuery;
import io.backroom.app.services.invoices.AdviceService;
import io.backroom.app.services.invoices.DecisionService;
import io.backroom.app.services.invoices.InvoiceQueueService;
import io.backroom.app.services.invoices.Prioritiser;
import io.backroom.app.services.invoices.QueueItem;
import io.backroom.app.services.models.LocalModels;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.tasks.TaskExecutor;
import io.backroom.app.testing.SandboxFixture;
import io.backroom.sdk.BackroomClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The queue view model with the local models, without a toolkit, against a real gateway. */
class InvoiceQueueAdviceViewModelTest {
    @TempDir
    Path dir;

    @Test
    void theQueueIsRankedByTheModelsTheSelectedInvoiceExplainedAndTheDecisionComparedWithTheAdvice() {
        ZoneId zone = ZoneId.of("UTC");
        try (SandboxFixture sandbox = new SandboxFixture(dir);
             BackroomClient clerk = sandbox.client("clerk");
             LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC())) {
            sandbox.heldInvoices("VM", 5);
            AuditLog audit = new AuditLog(store);
            DecisionOutbox outbox = new DecisionOutbox(store, audit);
            try (AdviceService advice = new AdviceService(() -> Optional.of(clerk), LocalModels.committed(), audit,
                    Clock.systemUTC(), zone)) {
                InvoiceQueueViewModel vm = new InvoiceQueueViewModel(TaskExecutor.direct(),
                        new InvoiceQueueService(() -> Optional.of(clerk), Prioritiser.moneyAtRisk(), Clock.systemUTC(), zone),
                        new DecisionService(outbox, Optional::empty), advice, () -> "clerk", Clock.systemUTC(), zone);

                vm.reload();

                assertThat(vm.queue()).hasSize(5);
                assertThat(vm.queue()).extracting(QueueItem::priorityReason).allSatisfy(r -> assertThat(r).startsWith("#"));
                assertThat(vm.queue().get(0).priorityReason()).startsWith("#1: ");
                // The selection made on the first paint (money at risk) stays put when the models re-rank the queue.
                QueueItem selected = vm.selectedProperty().get();
                assertThat(selected).isNotNull();
                assertThat(vm.queue()).allSatisfy(i -> assertThat(vm.rootCauseText(i)).isNotBlank());
                assertThat(vm.modelTextProperty().get()).startsWith("Likely cause:").contains("exception-classifier");
                DecisionAction recommended = vm.recommendedAction().orElseThrow();
                assertThat(audit.find(AuditQuery.all())).as("what the clerk was shown is on record")
                        .anySatisfy(e -> assertThat(e.kind()).isEqualTo(AuditKind.MODEL_OUTPUT));

                DecisionAction other = recommended == DecisionAction.REQUEST_CREDIT ? DecisionAction.RELEASE
                        : DecisionAction.REQUEST_CREDIT;
                vm.decide(other, null, null);

                assertThat(audit.find(AuditQuery.all())).filteredOn(e -> e.kind() == AuditKind.DECISION).singleElement()
                        .satisfies(e -> assertThat(e.payload()).containsEntry("modelRecommended", recommended.name())
                                .containsEntry("advice", "OVERRODE"));
            }
        }
    }
}
