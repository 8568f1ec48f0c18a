package io.backroom.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.backroom.api.model.DecisionRequest;
import io.backroom.api.model.DecisionType;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.Money;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.gateway.GatewayDecisionSender;
import io.backroom.app.services.invoices.DecisionService;
import io.backroom.app.services.invoices.QueueItem;
import io.backroom.app.services.outbox.Backoff;
import io.backroom.app.services.outbox.Decision;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.services.outbox.DecisionOutbox;
import io.backroom.app.services.outbox.OutboxSender;
import io.backroom.app.services.outbox.OutboxState;
import io.backroom.app.services.store.LocalStore;
import io.backroom.app.tasks.TaskExecutor;
import io.backroom.app.testing.SandboxFixture;
import io.backroom.app.ui.invoices.InvoiceQueueViewModel;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.RequestOptions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Console benchmarks, run with {@code mvn -B -Pbench -pl app -am verify -Dtest=ConsoleBench
 * -Dsurefire.failIfNoSpecifiedTests=false}. Results go to standard output; see docs/benchmarks/console.md.
 */
@Tag("bench")
class ConsoleBench {
    @TempDir
    Path dir;

    @Test
    void filterAndSortAHundredThousandHeldInvoices() {
        List<QueueItem> items = syntheticQueue(100_000, 42);
        long before = usedHeap();
        InvoiceQueueViewModel model = new InvoiceQueueViewModel(TaskExecutor.direct(), null,
                new DecisionService(null, Optional::empty), () -> "bench", Clock.systemUTC(), ZoneOffset.UTC);
        model.allItems().setAll(items);
        model.applyFilters();
        long heapForQueue = usedHeap() - before;

        Comparator<QueueItem> byAmount = Comparator.comparing(i -> i.total().amount());
        double[] filter = new double[15];
        double[] sort = new double[15];
        double[] baseline = new double[15];
        String[] searches = {"sup-1", "inv-4", "lyon", "7", "st-02"};
        for (int r = 0; r < filter.length; r++) {
            String text = searches[r % searches.length];
            long t0 = System.nanoTime();
            model.searchProperty().set(text);
            int shown = model.queue().size();
            filter[r] = (System.nanoTime() - t0) / 1e6;

            long t1 = System.nanoTime();
            model.comparatorProperty().set(r % 2 == 0 ? byAmount : byAmount.reversed());
            QueueItem top = model.queue().isEmpty() ? null : model.queue().get(0);
            sort[r] = (System.nanoTime() - t1) / 1e6;

            model.holdCodeProperty().set(r % 2 == 0 ? HoldCode.PRICE_VARIANCE : null);
            model.minAmountProperty().set(r % 3 == 0 ? new BigDecimal("500") : null);
            model.holdCodeProperty().set(null);
            model.minAmountProperty().set(null);
            long t2 = System.nanoTime();
            List<QueueItem> plain = items.stream().filter(i -> i.supplierName().toLowerCase().contains(text)
                    || i.invoiceNumber().toLowerCase().contains(text)).sorted(byAmount).toList();
            baseline[r] = (System.nanoTime() - t2) / 1e6;
            assertThat(top == null).isEqualTo(shown == 0);
            assertThat(plain).isNotNull();
        }
        model.clearFilters();
        System.out.printf("BENCH queue 100k: filter median %.1f ms (max %.1f), sort median %.1f ms (max %.1f), "
                        + "plain stream filter+sort baseline median %.1f ms, ratio (filter+sort)/baseline %.2f; "
                        + "heap for the queue %d MB; process RSS %d MB%n",
                median(filter), max(filter), median(sort), max(sort), median(baseline),
                (median(filter) + median(sort)) / median(baseline), heapForQueue / (1024 * 1024), rssMb());
        assertThat(median(filter)).isLessThan(100);
        assertThat(median(sort)).isLessThan(100);
    }

    @Test
    void outboxDrainsAThousandDecisionsToTheGateway() throws Exception {
        Files.createDirectories(dir.resolve("gw"));
        try (SandboxFixture sandbox = new SandboxFixture(dir.resolve("gw"));
             BackroomClient clerk = sandbox.client("clerk");
             LocalStore store = LocalStore.open(dir.resolve("console.db"), Clock.systemUTC())) {
            long t0 = System.nanoTime();
            List<String> ids = sandbox.heldInvoices("BEN", 1_200);
            double intakeSeconds = (System.nanoTime() - t0) / 1e9;

            // Baseline: the same decision straight through the SDK, no outbox, 200 invoices (versions read first).
            List<Long> direct = new ArrayList<>();
            for (String id : ids.subList(0, 200)) {
                direct.add(clerk.invoices().get(id).version());
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < 200; i++) {
                String id = ids.get(i);
                clerk.invoices().decide(id, direct.get(i),
                        new DecisionRequest(DecisionType.REQUEST_CREDIT, null, null, null),
                        RequestOptions.builder().idempotencyKey(UUID.randomUUID().toString()).build());
            }
            double directPerDecision = (System.nanoTime() - t1) / 1e6 / 200;

            DecisionOutbox outbox = new DecisionOutbox(store, new AuditLog(store));
            List<Long> versions = new ArrayList<>();
            for (String id : ids.subList(200, 1_200)) {
                versions.add(clerk.invoices().get(id).version());
            }
            long t2 = System.nanoTime();
            for (int i = 0; i < 1_000; i++) {
                outbox.enqueue(new Decision(ids.get(200 + i), versions.get(i), DecisionAction.REQUEST_CREDIT, null, null,
                        "clerk", null));
            }
            double enqueueMs = (System.nanoTime() - t2) / 1e6;
            long t3 = System.nanoTime();
            try (OutboxSender sender = new OutboxSender(outbox, new GatewayDecisionSender(() -> clerk),
                    Backoff.standard(), Clock.systemUTC())) {
                sender.drainDue();
            }
            double drainSeconds = (System.nanoTime() - t3) / 1e9;
            assertThat(outbox.summary().count(OutboxState.DONE)).isEqualTo(1_000);
            assertThat(clerk.invoices().get(ids.get(700)).status()).isEqualTo(InvoiceStatus.AWAITING_CREDIT);
            System.out.printf("BENCH outbox: intake of 1,200 held invoices %.1f s; 1,000 decisions queued in %.0f ms; "
                            + "drained to the gateway in %.2f s (%.1f ms each) vs %.1f ms each straight through the SDK "
                            + "(ratio %.2f)%n", intakeSeconds, enqueueMs, drainSeconds, drainSeconds * 1000 / 1000,
                    directPerDecision, drainSeconds / directPerDecision);
            assertThat(drainSeconds).isLessThan(10);
        }
    }

    static List<QueueItem> syntheticQueue(int n, long seed) {
        Random random = new Random(seed);
        HoldCode[] codes = HoldCode.values();
        LocalDate today = LocalDate.now();
        List<QueueItem> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            BigDecimal total = BigDecimal.valueOf(random.nextInt(5_000_000), 2);
            List<HoldCode> holds = random.nextInt(4) == 0 ? List.of(codes[random.nextInt(codes.length)], HoldCode.PRICE_VARIANCE)
                    : List.of(codes[random.nextInt(codes.length)]);
            items.add(new QueueItem("INV-" + i, "INV-" + (100000 + i), "SUP-" + random.nextInt(150),
                    "Supplier " + random.nextInt(150) + (random.nextBoolean() ? " Lyon" : " GmbH"),
                    "ST-" + String.format("%03d", random.nextInt(250)), Money.of(total, "EUR"), holds,
                    InvoiceStatus.ON_HOLD, today.plusDays(random.nextInt(60) - 10), null, random.nextInt(30), 1,
                    total, "bench"));
        }
        return items;
    }

    private static long usedHeap() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
