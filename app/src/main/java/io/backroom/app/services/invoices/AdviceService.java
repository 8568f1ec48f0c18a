package io.backroom.app.services.invoices;

import io.backroom.api.model.GoodsReceipt;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.api.model.Supplier;
import io.backroom.api.model.TolerancePolicy;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.ModelOutputShown;
import io.backroom.app.services.models.LocalModels;
import io.backroom.app.tasks.BlockingWorkGuard;
import io.backroom.ml.ap.ApContext;
import io.backroom.ml.ap.InvoiceAdvisor;
import io.backroom.ml.exceptions.ExceptionAssessment;
import io.backroom.ml.explain.Reason;
import io.backroom.ml.priority.PriorityScore;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.BackroomException;
import io.backroom.sdk.GoodsReceiptListParams;
import io.backroom.sdk.InvoiceListParams;
import io.backroom.sdk.PurchaseOrderListParams;
import io.backroom.sdk.SupplierListParams;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The models' view of the held-invoice queue: builds the procurement context from the gateway (through the SDK, as
 * the signed-in user), asks the exception classifier for each held invoice's root cause and recommended action and
 * the prioritiser for the order to work the queue in, and audits every output a person is shown. Slow (HTTP and
 * Tribuo): never on the UI thread.
 *
 * <p>The context is bounded so that it stays cheap on a large ERP: all suppliers, purchase orders and goods
 * receipts, the headers of every invoice (enough for the duplicate checks), and full invoices (with lines) only for
 * the held ones and for other invoices on the same purchase orders (cumulative quantities). Price history from
 * invoices that are not held is therefore not seen by the supplier-price-rise features. Master data and lists are
 * reused for a minute; full invoices are re-read only when their version changes.
 */
public final class AdviceService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdviceService.class);
    private static final Duration LISTS_FRESH_FOR = Duration.ofMinutes(1);
    private static final int PAGE = 500;
    private static final int DETAILS_PER_REQUEST = 100;

    private final java.util.function.Supplier<Optional<BackroomClient>> client;
    private final LocalModels models;
    private final AuditLog audit;
    private final Clock clock;
    private final ZoneId zone;
    private final ExecutorService readers = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "advice-reader");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Invoice> fullInvoices = new ConcurrentHashMap<>();
    private final Set<String> audited = ConcurrentHashMap.newKeySet();
    private Lists lists;

    public AdviceService(java.util.function.Supplier<Optional<BackroomClient>> client, LocalModels models, AuditLog audit,
                         Clock clock, ZoneId zone) {
        this.client = client;
        this.models = models;
        this.audit = audit;
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * The models' advice on {@code queue}.
     *
     * @param byInvoice the classifier's output per invoice id
     * @param ranking   the prioritiser's order (invoice ids, first to work first) with its score and reason
     * @param problem   why there is no advice, in words; null when there is
     */
    public record Advice(Map<String, InvoiceAdvice> byInvoice, List<Ranked> ranking, String problem) {
        public Advice {
            byInvoice = Map.copyOf(byInvoice);
            ranking = List.copyOf(ranking);
        }

        static Advice none(String problem) {
            return new Advice(Map.of(), List.of(), problem);
        }
    }

    /**
     * One place in the learned order.
     *
     * @param invoiceId the invoice
     * @param rank      1 = first
     * @param score     the prioritiser's blended value of acting now
     * @param reason    its top reasons, in words
     */
    public record Ranked(String invoiceId, int rank, BigDecimal score, String reason) {
    }

    /** The full invoice as last read for the models (held invoices and their PO siblings), if it was read. */
    public Optional<Invoice> knownInvoice(String id) {
        return Optional.ofNullable(fullInvoices.get(id));
    }

    /** Classifies and ranks the held invoices of {@code queue}. */
    public synchronized Advice advise(List<QueueItem> queue) {
        BlockingWorkGuard.check("Asking the local models");
        Optional<InvoiceAdvisor> advisor = models.advisor();
        if (advisor.isEmpty()) {
            return Advice.none(models.problem().orElse("The local models are not available."));
        }
        BackroomClient c = client.get().orElseThrow(() -> new IllegalStateException("Sign in to see the models' advice."));
        long started = System.nanoTime();
        ApContext context = context(c, queue);
        long built = System.nanoTime();
        List<String> ids = queue.stream().map(QueueItem::id).toList();
        Map<String, InvoiceAdvice> byInvoice = new LinkedHashMap<>();
        Map<String, String> versionOf = new HashMap<>();
        advisor.get().models().forEach(m -> versionOf.put(m.name(), m.version()));
        Map<String, String> hashOf = new HashMap<>();
        advisor.get().models().forEach(m -> hashOf.put(m.name(), m.provenanceHash()));
        for (ExceptionAssessment a : advisor.get().assess(ids, context)) {
            String name = a.model().split(" ")[0];
            byInvoice.put(a.invoiceId(), new InvoiceAdvice(a.invoiceId(), a.rootCause(), probability(a.rootCauseConfidence()),
                    a.action(), InvoiceAdvice.decisionFor(a.action()), probability(a.actionConfidence()),
                    a.reasons().stream().map(Reason::text).toList(), name, versionOf.getOrDefault(name, ""),
                    hashOf.getOrDefault(name, ""), a.provenanceHash()));
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        List<io.backroom.ml.priority.QueueItem> items = queue.stream().map(q -> new io.backroom.ml.priority.QueueItem(q.id(),
                q.id(), q.holdCodes().stream().map(Enum::name).toList(), heldAt(q, today), atRisk(q),
                q.total() == null ? "" : q.total().currency())).toList();
        List<Ranked> ranking = new ArrayList<>();
        for (PriorityScore s : advisor.get().rank(items, context, today)) {
            ranking.add(new Ranked(s.id(), s.rank(), BigDecimal.valueOf(s.score()).setScale(2, RoundingMode.HALF_UP),
                    s.reasons().stream().map(Reason::text).collect(Collectors.joining("; "))));
        }
        LOG.info("Model advice on {} held invoices: context {} ms, models {} ms", queue.size(),
                (built - started) / 1_000_000, (System.nanoTime() - built) / 1_000_000);
        return new Advice(byInvoice, ranking, null);
    }

    /**
     * Appends {@code shown} to the audit log as a model output {@code user} saw; once per invoice and model version
     * in a session, however often it is shown again.
     */
    public void recordShown(String user, InvoiceAdvice shown) {
        BlockingWorkGuard.check("Recording a model output");
        if (!audited.add(shown.invoiceId() + "|" + shown.model() + "|" + shown.modelVersion() + "|" + shown.inputsHash())) {
            return;
        }
        audit.record(new ModelOutputShown(user, shown.invoiceId(), shown.model(), shown.modelVersion(), shown.modelHash(),
                shown.inputsHash(), shown.rootCause() + " -> " + shown.modelAction(), shown.actionConfidence(), shown.reasons()));
    }

    private BigDecimal atRisk(QueueItem q) {
        Invoice full = fullInvoices.get(q.id());
        return full != null ? AmountAtRisk.of(full) : q.total() == null ? BigDecimal.ZERO : q.total().amount().abs();
    }

    private static Instant heldAt(QueueItem q, LocalDate today) {
        return today.minusDays(Math.max(0, q.ageDays())).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static BigDecimal probability(double p) {
        return BigDecimal.valueOf(Math.max(0, Math.min(1, p))).setScale(4, RoundingMode.HALF_UP);
    }

    // -- the context

    private record Lists(Instant at, List<Supplier> suppliers, Map<String, BigDecimal> priceTolerance,
                         List<PurchaseOrder> purchaseOrders, List<GoodsReceipt> receipts, List<InvoiceSummary> invoices) {
    }

    private ApContext context(BackroomClient c, List<QueueItem> queue) {
        long t0 = System.nanoTime();
        Lists l = lists(c);
        long t1 = System.nanoTime();
        Map<String, Long> heldVersions = new HashMap<>();
        queue.forEach(q -> heldVersions.put(q.id(), q.version()));
        Set<String> heldPos = new HashSet<>();
        for (InvoiceSummary s : l.invoices()) {
            if (heldVersions.containsKey(s.id()) && s.poReference() != null) {
                heldPos.add(s.poReference());
            }
        }
        Map<String, Long> wanted = new HashMap<>(heldVersions);
        for (InvoiceSummary s : l.invoices()) {
            if (s.poReference() != null && heldPos.contains(s.poReference())) {
                wanted.putIfAbsent(s.id(), s.version());
            }
        }
        fullInvoices.keySet().retainAll(wanted.keySet());
        int read = readFull(c, wanted);
        LOG.info("Model context: lists {} ms, {} full invoices read in {} ms", (t1 - t0) / 1_000_000, read,
                (System.nanoTime() - t1) / 1_000_000);
        ApContext.Builder b = ApContext.builder(LocalDate.ofInstant(clock.instant(), zone));
        l.suppliers().forEach(b::supplier);
        l.priceTolerance().forEach(b::supplierPriceTolerance);
        l.purchaseOrders().forEach(b::purchaseOrder);
        l.receipts().forEach(b::goodsReceipt);
        l.invoices().forEach(b::invoice);
        fullInvoices.values().forEach(b::invoice);
        return b.build();
    }

    private int readFull(BackroomClient c, Map<String, Long> wanted) {
        List<String> stale = new ArrayList<>();
        for (Map.Entry<String, Long> w : wanted.entrySet()) {
            Invoice have = fullInvoices.get(w.getKey());
            if (have == null || have.version() != w.getValue()) {
                stale.add(w.getKey());
            }
        }
        // 100 invoices a request (GET /invoice-details): a few requests against the server's rate limit, not thousands.
        List<CompletableFuture<Void>> reads = new ArrayList<>();
        for (int from = 0; from < stale.size(); from += DETAILS_PER_REQUEST) {
            List<String> chunk = stale.subList(from, Math.min(stale.size(), from + DETAILS_PER_REQUEST));
            reads.add(CompletableFuture.runAsync(() -> {
                try {
                    c.invoices().getMany(chunk).forEach(i -> fullInvoices.put(i.id(), i));
                } catch (BackroomException e) {
                    LOG.debug("{} invoices not read for the models: {}", chunk.size(), e.getMessage());
                }
            }, readers));
        }
        CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).join();
        return stale.size();
    }

    private Lists lists(BackroomClient c) {
        Instant now = clock.instant();
        if (lists != null && Duration.between(lists.at(), now).compareTo(LISTS_FRESH_FOR) < 0) {
            return lists;
        }
        CompletableFuture<List<Supplier>> suppliers = CompletableFuture.supplyAsync(() ->
                c.suppliers().list(SupplierListParams.builder().limit(PAGE).build()).autoPager().stream().toList(), readers);
        CompletableFuture<List<PurchaseOrder>> pos = CompletableFuture.supplyAsync(() ->
                c.purchaseOrders().list(PurchaseOrderListParams.builder().limit(PAGE).build()).autoPager().stream().toList(),
                readers);
        CompletableFuture<List<GoodsReceipt>> receipts = CompletableFuture.supplyAsync(() ->
                c.goodsReceipts().list(GoodsReceiptListParams.builder().limit(PAGE).build()).autoPager().stream().toList(),
                readers);
        CompletableFuture<List<InvoiceSummary>> invoices = CompletableFuture.supplyAsync(() ->
                c.invoices().list(InvoiceListParams.builder().limit(PAGE).build()).autoPager().stream().toList(), readers);
        lists = new Lists(now, suppliers.join(), priceTolerances(c), pos.join(), receipts.join(), invoices.join());
        return lists;
    }

    private static Map<String, BigDecimal> priceTolerances(BackroomClient c) {
        try {
            TolerancePolicy policy = c.policies().tolerances();
            Map<String, BigDecimal> out = new HashMap<>();
            policy.suppliers().forEach((id, t) -> {
                if (t != null && t.priceUpperPercent() != null) {
                    out.put(id, t.priceUpperPercent());
                }
            });
            return out;
        } catch (BackroomException e) {
            LOG.debug("Tolerance policy not readable for the models: {}", e.getMessage());
            return Map.of();
        }
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
