package io.backroom.app.services.invoices;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.AuditQuery;
import io.backroom.app.services.models.LocalModels;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.testing.SandboxFixture;
import io.backroom.sdk.BackroomClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The models' advice on a real gateway's held invoices, read over HTTP through the SDK. */
class AdviceServiceTest {
    @TempDir
    Path dir;

    @Test
    void everyHeldInvoiceGetsACauseAnActionAndAPlaceInTheOrderAndWhatIsShownIsAuditedOnce() {
        ZoneId zone = ZoneId.of("UTC");
        try (SandboxFixture sandbox = new SandboxFixture(dir);
             BackroomClient clerk = sandbox.client("clerk");
             LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC())) {
            List<String> held = sandbox.heldInvoices("ADV", 6);
            InvoiceQueueService queueService = new InvoiceQueueService(() -> Optional.of(clerk), Prioritiser.moneyAtRisk(),
                    Clock.systemUTC(), zone);
            List<QueueItem> queue = queueService.heldInvoices();
            AuditLog audit = new AuditLog(store);
            try (AdviceService advice = new AdviceService(() -> Optional.of(clerk), LocalModels.committed(), audit,
                    Clock.systemUTC(), zone)) {

                AdviceService.Advice a = advice.advise(queue);

                assertThat(a.problem()).isNull();
                assertThat(a.byInvoice().keySet()).containsExactlyInAnyOrderElementsOf(held);
                assertThat(a.byInvoice().values()).allSatisfy(i -> {
                    assertThat(i.rootCause()).isNotBlank();
                    assertThat(i.rootCauseConfidence()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.ONE);
                    assertThat(i.reasons()).isNotEmpty();
                    assertThat(i.model()).isEqualTo("exception-classifier");
                    assertThat(i.inputsHash()).matches("[0-9a-f]{16}");
                });
                assertThat(a.ranking()).extracting(AdviceService.Ranked::invoiceId).containsExactlyInAnyOrderElementsOf(held);
                assertThat(a.ranking()).extracting(AdviceService.Ranked::rank).containsExactly(1, 2, 3, 4, 5, 6);
                assertThat(a.ranking().get(0).reason()).isNotBlank();

                InvoiceAdvice shown = a.byInvoice().get(held.get(0));
                advice.recordShown("clerk", shown);
                advice.recordShown("clerk", shown);
                assertThat(audit.find(AuditQuery.all())).singleElement().satisfies(e -> {
                    assertThat(e.invoiceId()).isEqualTo(held.get(0));
                    assertThat(e.modelName()).isEqualTo("exception-classifier");
                });
            }
        }
    }

    @Test
    void withoutModelsTheAdviceSaysWhyAndTheQueueKeepsItsOrder() {
        try (SandboxFixture sandbox = new SandboxFixture(dir);
             BackroomClient clerk = sandbox.client("clerk");
             LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC());
             AdviceService advice = new AdviceService(() -> Optional.of(clerk),
                     new LocalModels(() -> io.backroom.ml.BackroomModels.fromDirectory(dir.resolve("no-models"))),
                     new AuditLog(store), Clock.systemUTC(), ZoneId.of("UTC"))) {

            AdviceService.Advice a = advice.advise(List.of());

            assertThat(a.byInvoice()).isEmpty();
            assertThat(a.ranking()).isEmpty();
            assertThat(a.problem()).contains("could not be loaded");
        }
    }
}
