package io.backroom.app.ui.invoices;

import io.backroom.api.model.HoldCode;
import io.backroom.api.model.HoldStatus;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.LineMatch;
import io.backroom.api.model.Money;
import io.backroom.app.services.UserMessages;
import io.backroom.app.services.invoices.AdviceService;
import io.backroom.app.services.invoices.DecisionAuthority;
import io.backroom.app.services.invoices.DecisionService;
import io.backroom.app.services.invoices.ExchangeRates;
import io.backroom.app.services.outbox.OutboxItem;
import io.backroom.app.services.outbox.OutboxState;
import io.backroom.app.services.invoices.DocumentCheck;
import io.backroom.app.services.invoices.InvoiceAdvice;
import io.backroom.app.services.invoices.InvoiceQueueService;
import io.backroom.app.services.invoices.PdfPages;
import io.backroom.app.services.invoices.QueueItem;
import io.backroom.app.services.outbox.Decision;
import io.backroom.app.services.outbox.DecisionAction;
import io.backroom.app.tasks.TaskExecutor;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The invoice triage workspace: the ranked queue with its filters and search, the selected
 * invoice's match grid, PDF, holds and history, and the clerk's decisions. Testable without a toolkit.
 */
public final class InvoiceQueueViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(InvoiceQueueViewModel.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final TaskExecutor executor;
    private final InvoiceQueueService queue;
    private final DecisionService decisions;
    private final AdviceService advice;
    private final DocumentCheck documents;
    private final ObservableList<DocumentCheck.Field> pdfFields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper pdfCheckText = new ReadOnlyStringWrapper("");
    private final Supplier<String> user;
    private final Clock clock;
    private final ZoneId zone;

    // Properties: queue
    private final ObservableList<QueueItem> items = FXCollections.observableArrayList();
    private final ObservableList<QueueItem> sorted = FXCollections.observableArrayList();
    private final ObjectProperty<Comparator<QueueItem>> comparator = new SimpleObjectProperty<>();
    /** The lower-cased search text of each shown row, computed off the FX thread when rows load (lazily otherwise). */
    private Map<QueueItem, String> searchKeys = new IdentityHashMap<>();
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<HoldCode> holdCode = new SimpleObjectProperty<>();
    private final StringProperty supplier = new SimpleStringProperty("");
    private final StringProperty store = new SimpleStringProperty("");
    private final ObjectProperty<BigDecimal> minAmount = new SimpleObjectProperty<>();
    private final ObjectProperty<BigDecimal> maxAmount = new SimpleObjectProperty<>();
    private final ObjectProperty<Integer> dueWithinDays = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    // Properties: detail
    private final ObjectProperty<QueueItem> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Invoice> detail = new ReadOnlyObjectWrapper<>();
    private final ObservableList<MatchRow> matchRows = FXCollections.observableArrayList();
    private final ObservableList<String> holds = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper headerText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper modelText = new ReadOnlyStringWrapper(NO_ADVICE_YET);
    private static final String NO_ADVICE_YET = "The local models are reading the queue: the likely root cause, the "
            + "recommended action and the reasons appear here in a moment.";
    private Map<String, InvoiceAdvice> adviceByInvoice = Map.of();
    private String adviceProblem;
    // Properties: PDF
    private byte[] pdf;
    private final ReadOnlyObjectWrapper<BufferedImage> pdfImage = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper pdfMessage = new ReadOnlyStringWrapper("Select an invoice to see the supplier's PDF.");
    private final ReadOnlyIntegerWrapper pdfPage = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper pdfPages = new ReadOnlyIntegerWrapper(0);
    private final DoubleProperty zoom = new SimpleDoubleProperty(1.0);
    private final IntegerProperty bulkTolerancePercent = new SimpleIntegerProperty(5);
    private long detailRequest;
    private Long conflictToReplace;
    private String conflictInvoice;
    // Properties: what the user may do, and the state of the detail pane
    private Supplier<DecisionAuthority> authority = DecisionAuthority::unknown;
    private final ExchangeRates rates = ExchangeRates.sandbox();
    private Duration undoWindow = Duration.ofSeconds(5);
    private final ReadOnlyObjectWrapper<DetailState> detailState = new ReadOnlyObjectWrapper<>(DetailState.NONE);
    private final ReadOnlyStringWrapper detailStatus = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper decisionHint = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper decisionsEnabled = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper releaseEnabled = new ReadOnlyBooleanWrapper(false);
    // Properties: notifications (a refusal with the invoice to open, or the undo of the last decision)
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper noticeIsRefusal = new ReadOnlyBooleanWrapper(false);
    private String noticeInvoice;
    private List<Long> undoable = List.of();
    private List<QueueItem> undoItems = List.of();
    /** Invoices this console decided and has not heard back on: outbox id, or -1 while being queued. */
    private final Map<String, Long> awaiting = new java.util.HashMap<>();
    private final java.util.Set<Long> announced = new java.util.HashSet<>();
    private Map<String, String> labels = new java.util.concurrent.ConcurrentHashMap<>();
    private String selectWhenLoaded;
    // Properties: a stable order while the user works
    private Map<String, Integer> frozenOrder;
    private boolean modelRankingSeen;
    private final ReadOnlyBooleanWrapper reranked = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loadedOnce = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper loadingText = new ReadOnlyStringWrapper("Loading the held invoices…");

    /** Where the detail pane stands for the selected invoice. */
    public enum DetailState {
        /** Nothing selected. */
        NONE,
        /** Being read from the gateway. */
        LOADING,
        /** Shown as the gateway has it: decisions on. */
        READY,
        /** The gateway has a newer version than the one shown: being read again, decisions off. */
        STALE,
        /** Could not be read: decisions off until it is. */
        FAILED
    }

    public InvoiceQueueViewModel(TaskExecutor executor, InvoiceQueueService queue, DecisionService decisions,
                                 Supplier<String> user, Clock clock, ZoneId zone) {
        this(executor, queue, decisions, null, user, clock, zone);
    }

    /** With {@code advice} (null for none), the local models rank the queue and explain each invoice. */
    public InvoiceQueueViewModel(TaskExecutor executor, InvoiceQueueService queue, DecisionService decisions,
                                 AdviceService advice, Supplier<String> user, Clock clock, ZoneId zone) {
        this(executor, queue, decisions, advice, null, user, clock, zone);
    }

    /** With {@code documents} (null for none), the supplier's PDF is read and set beside the ERP's header. */
    public InvoiceQueueViewModel(TaskExecutor executor, InvoiceQueueService queue, DecisionService decisions,
                                 AdviceService advice, DocumentCheck documents, Supplier<String> user, Clock clock,
                                 ZoneId zone) {
        this.documents = documents;
        this.source = queue == null ? List::of : queue::heldInvoices;
        this.executor = executor;
        this.queue = queue;
        this.decisions = decisions;
        this.advice = advice;
        this.user = user;
        this.clock = clock;
        this.zone = zone;
        for (var p : new javafx.beans.Observable[] {search, holdCode, supplier, store, minAmount, maxAmount, dueWithinDays}) {
            p.addListener(o -> {
                filterVersion++;
                applyFilters();
            });
        }
        comparator.addListener(o -> {
            filterVersion++;
            applyFilters();
        });
        selected.addListener((obs, was, now) -> {
            if (was != null && now != null && was.id().equals(now.id()) && was.version() == now.version()
                    && detailState.get() == DetailState.READY) {
                // Same invoice, same version (the ranking or the models changed it): keep the detail, refresh the panel.
                showAdvice(now);
                return;
            }
            loadDetail(now);
        });
        detailState.addListener(o -> updateDecisionState());
    }

    private java.util.concurrent.Callable<List<QueueItem>> source;

    /** Where the held invoices come from (the gateway through {@link InvoiceQueueService} unless replaced, as tests do). */
    public void useSource(java.util.concurrent.Callable<List<QueueItem>> heldInvoices) {
        this.source = heldInvoices;
    }

    /** Where the user's authority comes from (the signed-in session). */
    public void useAuthority(Supplier<DecisionAuthority> source) {
        this.authority = source;
        updateDecisionState();
    }

    /** Shares the invoice labels (business terms by id) with the rest of the console. */
    public void useLabels(Map<String, String> shared) {
        shared.putAll(labels);
        this.labels = shared;
    }

    /** How long a decision waits in the outbox, undoable, before it is sent. */
    public void useUndoWindow(Duration window) {
        this.undoWindow = window;
    }

    public Duration undoWindow() {
        return undoWindow;
    }

    public ReadOnlyObjectProperty<DetailState> detailStateProperty() {
        return detailState.getReadOnlyProperty();
    }

    /** What the detail pane is doing or why it failed, in words; empty when it shows the invoice. */
    public ReadOnlyStringProperty detailStatusProperty() {
        return detailStatus.getReadOnlyProperty();
    }

    /** Why a decision is off for this user on this invoice, and what to do instead; empty when all are on. */
    public ReadOnlyStringProperty decisionHintProperty() {
        return decisionHint.getReadOnlyProperty();
    }

    /** Whether the selected invoice may be decided on now (shown as the gateway has it, and the user may decide). */
    public ReadOnlyBooleanProperty decisionsEnabledProperty() {
        return decisionsEnabled.getReadOnlyProperty();
    }

    /** Whether the user may release the selected invoice (role, separation of duties, release limit). */
    public ReadOnlyBooleanProperty releaseEnabledProperty() {
        return releaseEnabled.getReadOnlyProperty();
    }

    /** The latest notification: a refused decision (with the key to open its invoice), or the undo of the last one. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noticeIsRefusalProperty() {
        return noticeIsRefusal.getReadOnlyProperty();
    }

    /** True when a newer ranking waits behind F5 (the order stays as it is while the user works). */
    public ReadOnlyBooleanProperty rerankedProperty() {
        return reranked.getReadOnlyProperty();
    }

    /** Whether the queue has loaded once (before that, an empty table means "loading", not "empty"). */
    public ReadOnlyBooleanProperty loadedOnceProperty() {
        return loadedOnce.getReadOnlyProperty();
    }

    /** What the first load is doing, for the empty table. */
    public ReadOnlyStringProperty loadingTextProperty() {
        return loadingText.getReadOnlyProperty();
    }

    /** The invoice in business terms, e.g. "TRI-1000 · Supplier A SA", or the id when the console has not seen it. */
    public String invoiceLabel(String invoiceId) {
        return labels.getOrDefault(invoiceId, invoiceId);
    }

    /** The queue's position of {@code item} in the ranking shown ("#3"); stable until F5. */
    public String rankText(QueueItem item) {
        Integer at = frozenOrder == null ? null : frozenOrder.get(item.id());
        return at == null ? "" : "#" + (at + 1);
    }

    /** The rank as a number for sorting. */
    public int rank(QueueItem item) {
        Integer at = frozenOrder == null ? null : frozenOrder.get(item.id());
        return at == null ? Integer.MAX_VALUE : at;
    }

    /** {@code item}'s total in the reporting currency, if the rate is known. */
    public Optional<Money> reportingAmount(QueueItem item) {
        return rates.toReporting(item.total());
    }

    /** The reporting currency (amounts sort and filter in it). */
    public String reportingCurrency() {
        return rates.reportingCurrency();
    }

    /** The total in the reporting currency with the rate used, for a foreign-currency invoice; empty otherwise. */
    public String reportingText(QueueItem item) {
        if (item.total() == null || item.total().currency().equals(rates.reportingCurrency())) {
            return "";
        }
        return rates.toReporting(item.total()).map(m -> "≈ " + money(m) + " (" + rates.describe(item.total().currency()) + ")")
                .orElse(rates.describe(item.total().currency()));
    }

    private BigDecimal reportingValue(QueueItem i) {
        return rates.toReporting(i.total()).map(Money::amount).orElse(i.total() == null ? null : i.total().amount());
    }

    /** Orders by amount in the reporting currency. */
    public Comparator<QueueItem> byReportingAmount() {
        return Comparator.comparing(this::reportingValue, Comparator.nullsFirst(Comparator.naturalOrder()));
    }

    private void updateDecisionState() {
        QueueItem item = selected.get();
        DecisionAuthority who = authority.get();
        boolean ready = item != null && (detailState.get() == DetailState.READY
                || detailState.get() == DetailState.LOADING);
        boolean decide = ready && who.mayDecide();
        Optional<String> release = item == null ? Optional.empty()
                : who.refusal(DecisionAction.RELEASE, item.total(), detail.get());
        decisionsEnabled.set(decide);
        releaseEnabled.set(decide && release.isEmpty());
        if (item == null) {
            decisionHint.set("");
        } else if (!who.mayDecide()) {
            decisionHint.set(who.refusal(DecisionAction.HOLD, item.total(), null).orElse(""));
        } else if (detailState.get() == DetailState.FAILED || detailState.get() == DetailState.STALE) {
            decisionHint.set("Decisions are off until the invoice shows as the gateway has it.");
        } else {
            decisionHint.set(release.map(r -> "Release: " + r).orElse(""));
        }
    }

    /** The queue as shown: filtered, then in the chosen order (the ranking when none is chosen). */
    public ObservableList<QueueItem> queue() {
        return sorted;
    }

    /** The order the person chose by clicking a column; {@code null} for the prioritiser's ranking. */
    public ObjectProperty<Comparator<QueueItem>> comparatorProperty() {
        return comparator;
    }

    public ObservableList<QueueItem> allItems() {
        return items;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<HoldCode> holdCodeProperty() {
        return holdCode;
    }

    public StringProperty supplierProperty() {
        return supplier;
    }

    public StringProperty storeProperty() {
        return store;
    }

    public ObjectProperty<BigDecimal> minAmountProperty() {
        return minAmount;
    }

    public ObjectProperty<BigDecimal> maxAmountProperty() {
        return maxAmount;
    }

    public ObjectProperty<Integer> dueWithinDaysProperty() {
        return dueWithinDays;
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ObjectProperty<QueueItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyObjectProperty<Invoice> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public ObservableList<MatchRow> matchRows() {
        return matchRows;
    }

    public ObservableList<String> holds() {
        return holds;
    }

    public ObservableList<String> history() {
        return history;
    }

    public ReadOnlyStringProperty headerTextProperty() {
        return headerText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelTextProperty() {
        return modelText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<BufferedImage> pdfImageProperty() {
        return pdfImage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pdfMessageProperty() {
        return pdfMessage.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pdfPageProperty() {
        return pdfPage.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pdfPagesProperty() {
        return pdfPages.getReadOnlyProperty();
    }

    public DoubleProperty zoomProperty() {
        return zoom;
    }

    public IntegerProperty bulkTolerancePercentProperty() {
        return bulkTolerancePercent;
    }

    // Commands: queue

    /** Loads the held invoices, ranked, keeping the selection where it can. */
    public void reload() {
        if (loading.get()) {
            // A reload is on its way (live updates can ask many times a second while the ERP is busy): load once
            // more when it lands rather than running several loads side by side.
            reloadWanted = true;
            return;
        }
        loading.set(true);
        if (!loadedOnce.get() && queue != null && queue.seeding()) {
            loadingText.set("Starting the demo retailer: reading its held invoices…");
        }
        long started = System.nanoTime();
        java.util.Set<String> hidden = java.util.Set.copyOf(awaiting.keySet());
        Snapshot snapshot = snapshot(advice == null || modelRankingSeen);
        java.util.concurrent.Callable<List<QueueItem>> load = source;
        executor.submit(() -> {
            List<QueueItem> mine = load.call().stream().filter(i -> !hidden.contains(i.id())).toList();
            return prepare(mine, snapshot);
        }, prepared -> {
            loading.set(false);
            LOG.info("Queue loaded: {} held invoices ranked in {} ms", prepared.arranged().size(),
                    (System.nanoTime() - started) / 1_000_000);
            List<QueueItem> mine = prepared.loaded().stream().filter(i -> !awaiting.containsKey(i.id())).toList();
            apply(prepared);
            loadedOnce.set(true);
            askProgress();
            if (selectWhenLoaded != null) {
                open(selectWhenLoaded);
            }
            askModels(mine);
            reloadIfWanted();
        }, error -> {
            loading.set(false);
            LOG.warn("Loading the invoice queue failed", error);
            message.set(UserMessages.describe("loading the invoice queue", error));
            reloadIfWanted();
        });
    }

    private boolean progressInFlight;

    private void askProgress() {
        if (queue == null || !queue.seeding() || progressInFlight) {
            if (queue == null || !queue.seeding()) {
                progressText.set("");
            }
            return;
        }
        progressInFlight = true;
        executor.submit(queue::progress, p -> {
            progressInFlight = false;
            progressText.set(p.map(InvoiceQueueService.Progress::text).orElse(""));
            p.ifPresent(x -> loadingText.set(x.text()));
            if (p.isPresent()) {
                askProgress(); // read again (the service waits between reads) until the count settles
            }
        }, error -> {
            progressInFlight = false;
            LOG.debug("Loading progress not readable", error);
        });
    }

    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");

    /** While the demo retailer loads: how far it got ("1,240 of 5,205 invoices in, 220 held so far"); else empty. */
    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    /** F5: applies the newest ranking (the order stays put while the user works otherwise) and reloads. */
    public void refresh() {
        applyRankingNext = true;
        reload();
    }

    /** Set by F5: the next load shows the newest ranking instead of keeping the order. */
    private boolean applyRankingNext = true;

    /** What {@link #prepare} needs from the FX thread, copied there. */
    private record Snapshot(boolean keepOrder, boolean applyRanking, Map<String, AdviceService.Ranked> ranking,
                            Map<String, Integer> frozenOrder, java.util.function.Function<Map<QueueItem, String>,
                            Predicate<QueueItem>> filter, long filterVersion) {
    }

    /** Rows ready to show: in their order, with their search keys and labels, computed off the FX thread. */
    private record Prepared(List<QueueItem> loaded, List<QueueItem> arranged, Map<QueueItem, String> keys,
                            Map<String, Integer> order, Map<String, String> labels, boolean reranked, boolean applyRanking,
                            List<QueueItem> shown, long filterVersion) {
    }

    private Snapshot snapshot(boolean keepOrder) {
        boolean apply = applyRankingNext;
        // With a column sort chosen, the shown list is built on the FX thread (its comparator may read FX state).
        java.util.function.Function<Map<QueueItem, String>, Predicate<QueueItem>> filter = comparator.get() == null
                ? this::predicate : null;
        return new Snapshot(keepOrder && !apply, apply, ranking, frozenOrder, filter, filterVersion);
    }

    /**
     * Orders {@code loaded} (by the ranking; with {@code keepOrder}, invoices already shown keep their places and new
     * ones join at the end) and computes the search keys. Touches no JavaFX state: runs as part of the background task.
     */
    private static Prepared prepare(List<QueueItem> loaded, Snapshot s) {
        List<QueueItem> ranked = withAdvice(loaded, s.ranking());
        List<QueueItem> arranged = ranked;
        boolean reranked = false;
        if (s.keepOrder() && s.frozenOrder() != null) {
            Map<String, Integer> order = s.frozenOrder();
            arranged = new ArrayList<>(ranked);
            arranged.sort(Comparator.comparing((QueueItem i) -> order.getOrDefault(i.id(), Integer.MAX_VALUE)));
            reranked = !arranged.stream().map(QueueItem::id).toList().equals(ranked.stream().map(QueueItem::id).toList());
        }
        Map<String, Integer> order = new java.util.HashMap<>();
        Map<QueueItem, String> keys = new IdentityHashMap<>();
        Map<String, String> labels = new java.util.HashMap<>();
        for (QueueItem i : arranged) {
            order.put(i.id(), order.size());
            keys.put(i, searchKey(i));
            labels.put(i.id(), i.invoiceNumber() + " · " + i.supplierName());
        }
        List<QueueItem> shown = s.filter() == null ? null : arranged.stream().filter(s.filter().apply(keys)).toList();
        return new Prepared(loaded, arranged, keys, order, labels, reranked, s.applyRanking(), shown, s.filterVersion());
    }

    /** Shows {@code loaded} now (on the FX thread); for the small lists of undo and conflicts. */
    private void show(List<QueueItem> loaded, boolean keepOrder) {
        apply(prepare(loaded, snapshot(keepOrder)));
    }

    /** Shows prepared rows, keeping the selection where it can; a different ranking waits behind the notice. */
    private void apply(Prepared p) {
        if (p.applyRanking()) {
            applyRankingNext = false;
        }
        reranked.set(p.reranked());
        if (labels.size() > 50_000) {
            labels.clear();
        }
        labels.putAll(p.labels());
        frozenOrder = p.order();
        String keep = selected.get() == null ? null : selected.get().id();
        int at = selected.get() == null ? 0 : Math.max(0, sorted.indexOf(selected.get()));
        searchKeys = p.keys();
        items.setAll(p.arranged());
        if (p.shown() != null && p.filterVersion() == filterVersion) {
            sorted.setAll(p.shown());
            countText.set(sorted.size() == items.size() ? items.size() + " held"
                    : sorted.size() + " of " + items.size() + " held");
        } else {
            applyFilters(false);
        }
        Optional<QueueItem> again = keep == null ? Optional.empty()
                : sorted.stream().filter(i -> i.id().equals(keep)).findFirst();
        if (again.isPresent()) {
            selected.set(again.get());
        } else if (!sorted.isEmpty()) {
            if (keep != null) {
                message.set(invoiceLabel(keep) + " left the queue (decided elsewhere); showing the next one.");
            }
            selected.set(sorted.get(Math.min(at, sorted.size() - 1)));
        } else {
            selected.set(null);
        }
    }

    private boolean reloadWanted;

    private void reloadIfWanted() {
        if (reloadWanted) {
            reloadWanted = false;
            reload();
        }
    }

    /** Applies the filters and search to the queue; the selection moves to a shown invoice when it is filtered out. */
    public void applyFilters() {
        applyFilters(true);
    }

    private void applyFilters(boolean followSelection) {
        QueueItem was = selected.get();
        int at = was == null ? 0 : Math.max(0, sorted.indexOf(was));
        Predicate<QueueItem> keep = predicate();
        java.util.stream.Stream<QueueItem> shown = items.stream().filter(keep);
        if (comparator.get() != null) {
            shown = shown.sorted(comparator.get());
        }
        sorted.setAll(shown.toList());
        countText.set(sorted.size() == items.size() ? items.size() + " held"
                : sorted.size() + " of " + items.size() + " held");
        if (followSelection && was != null && !sorted.contains(was)) {
            // The detail pane follows the queue: never an invoice the queue no longer shows.
            selected.set(sorted.isEmpty() ? null : sorted.get(Math.min(at, sorted.size() - 1)));
        }
    }

    /** Bumped whenever a filter or the chosen order changes: a list filtered in the background is then outdated. */
    private long filterVersion;

    Predicate<QueueItem> predicate() {
        return predicate(null);
    }

    /** The filters as they are now; with {@code keys}, searching those keys (a map being prepared off the FX thread). */
    private Predicate<QueueItem> predicate(Map<QueueItem, String> keys) {
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        HoldCode code = holdCode.get();
        String supplierText = lower(supplier.get());
        String storeText = lower(store.get());
        BigDecimal min = minAmount.get();
        BigDecimal max = maxAmount.get();
        LocalDate dueBy = dueWithinDays.get() == null ? null
                : LocalDate.ofInstant(clock.instant(), zone).plusDays(dueWithinDays.get());
        return i -> (text.isEmpty() || (keys != null ? keys : searchKeys).computeIfAbsent(i, InvoiceQueueViewModel::searchKey)
                .contains(text))
                && (code == null || i.holdCodes().contains(code))
                && (supplierText.isEmpty() || contains(i.supplierName(), supplierText) || contains(i.supplierId(), supplierText))
                && (storeText.isEmpty() || contains(i.storeId(), storeText))
                && (min == null || i.total() != null && reportingValue(i).compareTo(min) >= 0)
                && (max == null || i.total() != null && reportingValue(i).compareTo(max) <= 0)
                && (dueBy == null || i.dueDate() != null && !i.dueDate().isAfter(dueBy));
    }

    /** Clears every filter and the search. */
    public void clearFilters() {
        search.set("");
        holdCode.set(null);
        supplier.set("");
        store.set("");
        minAmount.set(null);
        maxAmount.set(null);
        dueWithinDays.set(null);
    }

    /** Selects the next invoice of the (filtered, sorted) queue. */
    public void next() {
        move(1);
    }

    /** Selects the previous invoice. */
    public void previous() {
        move(-1);
    }

    private void move(int step) {
        if (sorted.isEmpty()) {
            return;
        }
        int at = selected.get() == null ? -1 : sorted.indexOf(selected.get());
        int to = Math.max(0, Math.min(sorted.size() - 1, at + step));
        selected.set(sorted.get(to));
    }

    // Commands: decisions

    /**
     * Takes {@code action} on the selected invoice (with {@code reason} / {@code assignee} where
     * required), queues it in the outbox, and moves on to the next invoice.
     */
    public void decide(DecisionAction action, String reason, String assignee) {
        QueueItem item = selected.get();
        if (item == null) {
            message.set("Select an invoice first.");
            return;
        }
        // While the detail is still loading the decision goes with the queue's version (the gateway refuses it with a
        // conflict if that is stale); once the detail failed or is known to be outdated, decisions are off.
        if (detailState.get() == DetailState.FAILED || detailState.get() == DetailState.STALE) {
            message.set(action.label() + " is off: " + detailStatus.get());
            return;
        }
        Optional<String> refusal = authority.get().refusal(action, item.total(), detail.get());
        if (refusal.isPresent()) {
            message.set(action.label() + " of " + item.invoiceNumber() + " is not yours to take: " + refusal.get());
            return;
        }
        Decision decision;
        try {
            InvoiceAdvice shown = adviceByInvoice.get(item.id());
            decision = new Decision(item.id(), currentVersion(item), action, reason, assignee, user.get(),
                    shown == null || shown.recommended() == null ? null : shown.recommended().name());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        Long replaces = item.id().equals(conflictInvoice) ? conflictToReplace : null;
        Duration window = undoWindow;
        awaiting.put(item.id(), -1L);
        executor.submit(() -> replaces == null ? decisions.decide(decision, window) : decisions.redecide(replaces, decision),
                queued -> {
            if (replaces != null) {
                conflictToReplace = null;
                conflictInvoice = null;
            }
            awaiting.put(item.id(), queued.id());
            message.set("");
            queuedForUndo(List.of(queued), List.of(item), action.label() + " of " + item.invoiceNumber());
            items.remove(item);
            applyFilters();
        }, error -> {
            awaiting.remove(item.id());
            message.set(UserMessages.describe("recording the decision", error));
        });
    }

    private void queuedForUndo(List<OutboxItem> queued, List<QueueItem> decided, String what) {
        boolean waits = queued.stream().anyMatch(q -> q.nextAttemptAt().isAfter(q.createdAt()));
        undoable = waits ? queued.stream().map(OutboxItem::id).toList() : List.of();
        undoItems = waits ? List.copyOf(decided) : List.of();
        noticeIsRefusal.set(false);
        noticeInvoice = null;
        notice.set(what + (waits ? " queued; it is sent in " + undoWindow.toSeconds() + " s. Press Ctrl+Z to undo."
                : " queued; it is sent to the gateway now."));
    }

    /** Takes back the last decision (or bulk release) while it still waits in the outbox, and puts it back in the queue. */
    public void undo() {
        List<Long> ids = undoable;
        List<QueueItem> back = undoItems;
        if (ids.isEmpty()) {
            message.set("Nothing to undo: the last decision has been sent.");
            return;
        }
        undoable = List.of();
        undoItems = List.of();
        executor.submit(() -> decisions.undo(ids), n -> {
            if (n == 0) {
                notice.set("Too late to undo: the decision has been sent.");
                return;
            }
            back.forEach(i -> awaiting.remove(i.id()));
            List<QueueItem> now = new ArrayList<>(items);
            now.addAll(back);
            Map<String, Integer> order = frozenOrder == null ? Map.of() : frozenOrder;
            now.sort(Comparator.comparing((QueueItem i) -> order.getOrDefault(i.id(), Integer.MAX_VALUE)));
            items.setAll(now);
            applyFilters(false);
            sorted.stream().filter(i -> i.id().equals(back.get(0).id())).findFirst().ifPresent(selected::set);
            notice.set("Undone: " + (back.size() == 1 ? back.get(0).invoiceNumber() : n + " invoices")
                    + " back in the queue, nothing was sent.");
            reload();
        }, error -> message.set(UserMessages.describe("undoing the decision", error)));
    }

    /**
     * What the outbox holds now (after every change): answered decisions stop hiding their invoices, and a refusal
     * puts the invoice back in the queue with a notification naming it and the reason.
     */
    public void onUnsent(List<OutboxRow> rows) {
        java.util.Set<Long> waiting = new java.util.HashSet<>();
        for (OutboxRow r : rows) {
            if (r.status() == OutboxState.PENDING || r.status() == OutboxState.SENDING) {
                waiting.add(r.id());
            }
        }
        boolean changed = awaiting.values().removeIf(id -> id >= 0 && !waiting.contains(id));
        if (!undoable.isEmpty() && !waiting.containsAll(undoable)) {
            undoable = List.of();
            undoItems = List.of();
        }
        for (OutboxRow r : rows) {
            if (r.status() == OutboxState.FAILED && announced.add(r.id())) {
                noticeInvoice = r.invoiceId();
                noticeIsRefusal.set(true);
                notice.set("Refused by the gateway: " + r.action().toLowerCase(Locale.ROOT) + " of "
                        + invoiceLabel(r.invoiceId()) + ". " + r.problem() + " It is back in the queue: press "
                        + "Ctrl+G to open it.");
                changed = true;
            }
        }
        if (changed) {
            reload();
        }
    }

    /** Reads who the selected invoice can be routed to (the PO's buyer first), then hands them to {@code show}. */
    public void loadBuyers(java.util.function.Consumer<InvoiceQueueService.Buyers> show) {
        QueueItem item = selected.get();
        if (item == null) {
            message.set("Select an invoice first.");
            return;
        }
        Invoice shown = detail.get();
        String po = shown != null && shown.id().equals(item.id()) ? shown.poReference() : null;
        executor.submit(() -> queue.buyers(po), buyers -> {
            if (buyers.users().isEmpty()) {
                message.set("The gateway knows no buyer or supervisor to route " + item.invoiceNumber() + " to.");
                return;
            }
            show.accept(buyers);
        }, error -> message.set(UserMessages.describe("reading the buyers", error)));
    }

    /** Routes the selected invoice to {@code buyer}, who must be one of those {@link #loadBuyers} offered. */
    public void routeTo(InvoiceQueueService.Buyers offered, String buyerId) {
        if (buyerId == null || offered.users().stream().noneMatch(u -> u.id().equals(buyerId))) {
            message.set("Choose a buyer from the list; nothing was routed.");
            return;
        }
        decide(DecisionAction.ROUTE_TO_BUYER, null, buyerId);
    }

    /** Opens the invoice the notification names (clearing filters that hide it). */
    public void openNoticed() {
        if (noticeInvoice == null) {
            message.set("No notification names an invoice.");
            return;
        }
        open(noticeInvoice);
    }

    private void open(String invoiceId) {
        Optional<QueueItem> item = items.stream().filter(i -> i.id().equals(invoiceId)).findFirst();
        if (item.isEmpty()) {
            selectWhenLoaded = invoiceId;
            if (loadedOnce.get() && !loading.get()) {
                message.set(invoiceLabel(invoiceId) + " is not held any more.");
                selectWhenLoaded = null;
            }
            return;
        }
        selectWhenLoaded = null;
        if (!sorted.contains(item.get())) {
            clearFilters();
        }
        selected.set(item.get());
    }

    private long currentVersion(QueueItem item) {
        Invoice shown = detail.get();
        return shown != null && shown.id().equals(item.id()) ? shown.version() : item.version();
    }

    /**
     * Releases every invoice in {@code chosen} whose holds are all price variances within the
     * chosen tolerance; refuses the whole batch, naming the invoices, when any is not.
     */
    public void bulkRelease(List<QueueItem> chosen) {
        if (chosen.isEmpty()) {
            message.set("Select the invoices to release first (Shift or Ctrl with the arrows or the mouse).");
            return;
        }
        BigDecimal limit = BigDecimal.valueOf(bulkTolerancePercent.get());
        String who = user.get();
        DecisionAuthority authorityNow = authority.get();
        Duration window = undoWindow;
        chosen.forEach(i -> awaiting.put(i.id(), -1L));
        executor.submit(() -> {
            List<String> left = new ArrayList<>();
            List<Decision> releases = new ArrayList<>();
            List<QueueItem> released = new ArrayList<>();
            for (QueueItem item : chosen) {
                Invoice invoice = queue.invoice(item.id());
                Optional<String> refusal = authorityNow.refusal(DecisionAction.RELEASE, invoice.total(), invoice);
                String outside = refusal.orElseGet(() -> outsideTolerance(invoice, limit));
                if (outside == null) {
                    releases.add(new Decision(item.id(), invoice.version(), DecisionAction.RELEASE, null, null, who, null));
                    released.add(item);
                } else {
                    left.add(item.invoiceNumber() + " (" + outside + ")");
                }
            }
            List<OutboxItem> queued = decisions.decideAll(releases, window);
            return new BulkResult(released, queued, left);
        }, result -> {
            chosen.forEach(i -> awaiting.remove(i.id()));
            for (int k = 0; k < result.queued().size(); k++) {
                awaiting.put(result.released().get(k).id(), result.queued().get(k).id());
            }
            int n = result.released().size();
            String what = "Release of " + n + " of " + chosen.size() + " selected within " + limit + "%";
            if (n > 0) {
                queuedForUndo(result.queued(), result.released(), what);
            }
            message.set(result.left().isEmpty() ? "" : (n == 0 ? "Nothing was released. " : "") + "Left in the queue: "
                    + String.join("; ", result.left()) + ".");
            items.removeAll(result.released());
            applyFilters();
        }, error -> {
            chosen.forEach(i -> awaiting.remove(i.id()));
            message.set(UserMessages.describe("releasing the selected invoices", error));
        });
    }

    private record BulkResult(List<QueueItem> released, List<OutboxItem> queued, List<String> left) {
    }

    /**
     * Selects (in {@code into}) every shown invoice whose only holds are price variances within the chosen tolerance,
     * as far as the console has read them: the queue's selection for a bulk release.
     */
    public void selectWithinTolerance(java.util.function.Consumer<List<QueueItem>> into) {
        BigDecimal limit = BigDecimal.valueOf(bulkTolerancePercent.get());
        List<QueueItem> candidates = sorted.stream()
                .filter(i -> !i.holdCodes().isEmpty() && i.holdCodes().stream().allMatch(c -> c == HoldCode.PRICE_VARIANCE))
                .toList();
        executor.submit(() -> {
            List<QueueItem> within = new ArrayList<>();
            for (QueueItem item : candidates) {
                Invoice invoice = advice == null ? null : advice.knownInvoice(item.id()).filter(i -> i.version() == item.version())
                        .orElse(null);
                if (invoice == null) {
                    invoice = queue.invoice(item.id());
                }
                if (withinTolerance(invoice, limit)) {
                    within.add(item);
                }
            }
            return within;
        }, within -> {
            List<QueueItem> shown = within.stream().filter(sorted::contains).toList();
            message.set(shown.size() + " of " + sorted.size() + " shown invoices are only price variances within " + limit
                    + "%: selected. " + "Press " + "Ctrl+Shift+R to release them.");
            into.accept(shown);
        }, error -> message.set(UserMessages.describe("finding the invoices within tolerance", error)));
    }

    private static String outsideTolerance(Invoice invoice, BigDecimal limitPercent) {
        List<HoldCode> open = invoice.openHoldCodes();
        if (open.isEmpty()) {
            return "no open hold";
        }
        List<HoldCode> other = open.stream().filter(c -> c != HoldCode.PRICE_VARIANCE).distinct().toList();
        if (!other.isEmpty()) {
            return "also held for " + other.stream().map(InvoiceQueueViewModel::holdWords).collect(Collectors.joining(", "));
        }
        Optional<BigDecimal> worst = invoice.lines().stream().map(InvoiceLine::match)
                .filter(m -> m != null && m.priceVariancePercent() != null).map(m -> m.priceVariancePercent().abs())
                .max(Comparator.naturalOrder());
        return worst.isPresent() && worst.get().compareTo(limitPercent) > 0
                ? "price " + worst.get().setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "% off, above "
                + limitPercent + "%" : null;
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A hold code in words: PRICE_VARIANCE becomes "price variance". */
    public static String holdWords(HoldCode code) {
        return code.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * After a 412: reloads the queue and opens the invoice as it is now; the next decision on it
     * replaces the conflicting one.
     */
    public void decideAgain(long conflictId, String invoiceId) {
        conflictToReplace = conflictId;
        conflictInvoice = invoiceId;
        message.set("The invoice changed; it is shown as it is now. Take your decision again.");
        executor.submit(queue::heldInvoices, loaded -> {
            show(loaded.stream().filter(i -> !awaiting.containsKey(i.id())).toList(), true);
            items.stream().filter(i -> i.id().equals(invoiceId)).findFirst().ifPresentOrElse(this::selectAgain,
                    () -> message.set("The invoice is no longer held (someone decided it); discard your decision."));
        }, error -> message.set(UserMessages.describe("reloading the invoice", error)));
    }

    private void selectAgain(QueueItem item) {
        if (!sorted.contains(item)) {
            clearFilters();
        }
        selected.set(item);
    }

    static boolean withinTolerance(Invoice invoice, BigDecimal limitPercent) {
        List<HoldCode> open = invoice.openHoldCodes();
        if (open.isEmpty() || open.stream().anyMatch(c -> c != HoldCode.PRICE_VARIANCE)) {
            return false;
        }
        return invoice.lines().stream().map(InvoiceLine::match).filter(m -> m != null && m.priceVariancePercent() != null)
                .allMatch(m -> m.priceVariancePercent().abs().compareTo(limitPercent) <= 0);
    }

    // Commands: PDF

    /** Shows the next page of the supplier's PDF. */
    public void nextPage() {
        renderPage(pdfPage.get() + 1);
    }

    /** Shows the previous page. */
    public void previousPage() {
        renderPage(pdfPage.get() - 1);
    }

    /** Zooms the PDF in (up to 3x). */
    public void zoomIn() {
        zoom.set(Math.min(3.0, zoom.get() * 1.25));
        renderPage(pdfPage.get());
    }

    /** Zooms the PDF out (down to 0.5x). */
    public void zoomOut() {
        zoom.set(Math.max(0.5, zoom.get() / 1.25));
        renderPage(pdfPage.get());
    }

    private void renderPage(int index) {
        byte[] doc = pdf;
        if (doc == null) {
            return;
        }
        float dpi = (float) (96 * zoom.get());
        List<DocumentCheck.Field> marks = List.copyOf(pdfFields);
        executor.submit(() -> PdfPages.render(doc, index, dpi, marks), page -> {
            pdfImage.set(page.image());
            pdfPage.set(page.pageIndex());
            pdfPages.set(page.pageCount());
            pdfMessage.set("");
        }, error -> {
            pdfImage.set(null);
            pdfMessage.set(error instanceof PdfPages.PdfException ? error.getMessage()
                    : UserMessages.describe("showing the supplier's PDF", error));
        });
    }

    // Models

    private void askModels(List<QueueItem> loaded) {
        if (advice == null) {
            modelText.set("No local models in this console.");
            return;
        }
        if (adviceInFlight) {
            // The queue changed while the models were reading it (live updates): ask once more when they are done,
            // with the newest queue, instead of piling up requests that would each be outdated on arrival.
            adviceWanted = loaded;
            return;
        }
        adviceInFlight = true;
        long started = System.nanoTime();
        executor.submit(() -> advice.advise(loaded), result -> {
            if (result.problem() != null) {
                adviceProblem = result.problem();
                showAdvice(selected.get());
                adviceDone();
                return;
            }
            adviceProblem = null;
            adviceByInvoice = result.byInvoice();
            ranking = new java.util.HashMap<>();
            result.ranking().forEach(r -> ranking.put(r.invoiceId(), r));
            // The first model ranking replaces the first paint's; later ones wait behind F5 while the user works.
            List<QueueItem> now = List.copyOf(items);
            boolean first = !modelRankingSeen;
            Snapshot snapshot = snapshot(modelRankingSeen);
            modelRankingSeen = true;
            QueueItem top = sorted.isEmpty() ? null : sorted.get(0);
            executor.submit(() -> prepare(now, snapshot), prepared -> {
                boolean stillOnTop = top != null && selected.get() != null && selected.get().id().equals(top.id());
                apply(prepared);
                if (first && stillOnTop && !sorted.isEmpty()) {
                    selected.set(sorted.get(0)); // the clerk had not moved yet: start at the models' top invoice
                }
                showAdvice(selected.get());
            }, error -> LOG.warn("Could not order the queue by the models' ranking", error));
            showAdvice(selected.get());
            LOG.info("Queue re-ranked by the prioritiser {} ms after the models were asked", (System.nanoTime() - started) / 1_000_000);
            adviceDone();
        }, error -> {
            LOG.warn("The local models could not advise on the queue", error);
            adviceProblem = UserMessages.describe("asking the local models", error);
            showAdvice(selected.get());
            adviceDone();
        });
    }

    private boolean adviceInFlight;
    private List<QueueItem> adviceWanted;

    private void adviceDone() {
        adviceInFlight = false;
        List<QueueItem> next = adviceWanted;
        adviceWanted = null;
        if (next != null) {
            askModels(next);
        }
    }

    private Map<String, AdviceService.Ranked> ranking = Map.of();

    /** The queue in the prioritiser's order with its scores and reasons, where it has ranked them. */
    private static List<QueueItem> withAdvice(List<QueueItem> loaded, Map<String, AdviceService.Ranked> ranking) {
        if (ranking.isEmpty()) {
            List<QueueItem> out = new ArrayList<>(loaded);
            out.sort(Comparator.comparing(InvoiceQueueViewModel::parked));
            return out;
        }
        List<QueueItem> out = new java.util.ArrayList<>(loaded.size());
        for (QueueItem i : loaded) {
            AdviceService.Ranked r = ranking.get(i.id());
            out.add(r == null ? i : new QueueItem(i.id(), i.invoiceNumber(), i.supplierId(), i.supplierName(), i.storeId(),
                    i.total(), i.holdCodes(), i.status(), i.dueDate(), i.discountDate(), i.ageDays(), i.version(),
                    r.score(), "#" + r.rank() + ": " + r.reason()));
        }
        out.sort(Comparator.comparing(InvoiceQueueViewModel::parked)
                .thenComparing((QueueItem i) -> ranking.containsKey(i.id()) ? ranking.get(i.id()).rank() : Integer.MAX_VALUE)
                .thenComparing(QueueItem::priority, Comparator.reverseOrder()));
        return out;
    }

    /** Held with a note by a person (a manual hold): below the untouched invoices, whatever the money. */
    private static boolean parked(QueueItem i) {
        return i.holdCodes().contains(HoldCode.MANUAL);
    }

    /** The classifier's root cause and its confidence for the queue's column, e.g. "price increase 84%". */
    public String rootCauseText(QueueItem item) {
        InvoiceAdvice a = item == null ? null : adviceByInvoice.get(item.id());
        return a == null ? "" : InvoiceAdvice.words(a.rootCause()) + " " + InvoiceAdvice.percent(a.rootCauseConfidence());
    }

    /** Shows {@code text} in the workspace's message line. */
    public void explain(String text) {
        message.set(text);
    }

    /** The decision the model recommends for the selected invoice, if it has one. */
    public Optional<DecisionAction> recommendedAction() {
        QueueItem item = selected.get();
        InvoiceAdvice a = item == null ? null : adviceByInvoice.get(item.id());
        return a == null ? Optional.empty() : Optional.ofNullable(a.recommended());
    }

    /** The model's advice on the selected invoice, if any. */
    public Optional<InvoiceAdvice> selectedAdvice() {
        QueueItem item = selected.get();
        return item == null ? Optional.empty() : Optional.ofNullable(adviceByInvoice.get(item.id()));
    }

    private void showAdvice(QueueItem item) {
        InvoiceAdvice a = item == null ? null : adviceByInvoice.get(item.id());
        if (a == null) {
            modelText.set(adviceProblem != null ? adviceProblem : adviceByInvoice.isEmpty() ? NO_ADVICE_YET
                    : "The models have no advice on this invoice.");
            return;
        }
        StringBuilder text = new StringBuilder();
        text.append("Likely cause: ").append(InvoiceAdvice.words(a.rootCause())).append(" (")
                .append(InvoiceAdvice.percent(a.rootCauseConfidence())).append(")   ·   Suggested: ")
                .append(a.recommended() == null ? InvoiceAdvice.words(a.modelAction()) : a.recommended().label())
                .append(a.recommended() == DecisionAction.HOLD ? " (wait for the goods receipt)" : "")
                .append(" (").append(InvoiceAdvice.percent(a.actionConfidence())).append(")   ·   press A to accept");
        for (String reason : a.reasons()) {
            text.append("\n  • ").append(reason);
        }
        text.append("\n").append(a.model()).append(' ').append(a.modelVersion()).append(" · ").append(a.inputsHash());
        modelText.set(text.toString());
        String who = user.get();
        executor.submit(() -> {
            advice.recordShown(who, a);
            return a;
        }, ok -> { }, error -> LOG.warn("Could not record the model output for {} in the audit log", a.invoiceId(), error));
    }

    /** The supplier's PDF header fields beside the ERP's, disagreements marked. */
    public ObservableList<DocumentCheck.Field> pdfFields() {
        return pdfFields;
    }

    /** What the PDF check found, in words. */
    public ReadOnlyStringProperty pdfCheckTextProperty() {
        return pdfCheckText.getReadOnlyProperty();
    }

    private void checkPdf(byte[] bytes, long request) {
        Invoice erp = detail.get();
        if (documents == null || erp == null) {
            return;
        }
        pdfCheckText.set("Reading the supplier's PDF…");
        String who = user.get();
        executor.submit(() -> documents.compare(erp, bytes, who), result -> {
            if (request != detailRequest) {
                return;
            }
            pdfFields.setAll(result.fields());
            pdfCheckText.set(result.summary());
            renderPage(pdfPage.get()); // again, with the fields the reader took marked on the page
        }, error -> {
            if (request == detailRequest) {
                pdfCheckText.set(UserMessages.describe("reading the supplier's PDF", error));
            }
        });
    }

    // Detail

    private void loadDetail(QueueItem item) {
        long request = ++detailRequest;
        detail.set(null);
        matchRows.clear();
        holds.clear();
        history.clear();
        pdf = null;
        pdfImage.set(null);
        pdfPages.set(0);
        pdfFields.clear();
        pdfCheckText.set("");
        if (item == null) {
            headerText.set("");
            detailStatus.set("");
            detailState.set(DetailState.NONE);
            pdfMessage.set("Select an invoice to see the supplier's PDF.");
            updateDecisionState();
            return;
        }
        headerText.set(item.invoiceNumber() + " · " + item.supplierName());
        detailStatus.set("Loading " + item.invoiceNumber() + " from the gateway…");
        detailState.set(DetailState.LOADING);
        updateDecisionState();
        showAdvice(item);
        pdfMessage.set("Loading the supplier's PDF…");
        executor.submit(() -> queue.invoice(item.id()), invoice -> {
            if (request != detailRequest) {
                return;
            }
            detail.set(invoice);
            if (!HELD_STATUSES.contains(invoice.status())) {
                detailStatus.set(item.invoiceNumber() + " is " + invoice.status().name().toLowerCase(Locale.ROOT)
                        .replace('_', ' ') + " now (decided elsewhere): nothing left to decide. Press F5 to refresh the queue.");
                detailState.set(DetailState.STALE);
            } else {
                detailStatus.set("");
                detailState.set(DetailState.READY);
            }
            updateDecisionState();
            headerText.set(header(invoice));
            matchRows.setAll(matchRows(invoice));
            holds.setAll(invoice.holds().stream().filter(h -> h.status() == HoldStatus.OPEN)
                    .map(h -> capitalised(holdWords(h.code())) + (h.lineNo() == null ? "" : ", line " + h.lineNo()) + ": "
                            + h.message())
                    .toList());
            history.setAll(invoice.history().stream().map(h -> TIME.format(h.at().atZone(zone)) + "  " + h.actor() + "  "
                    + h.action() + (h.detail() == null ? "" : ": " + h.detail())).toList());
            if (invoice.hasDocument()) {
                loadPdf(item.id(), request);
            } else {
                pdfMessage.set("No PDF is attached to this invoice.");
            }
        }, error -> {
            if (request == detailRequest) {
                LOG.warn("Loading invoice {} failed", item.id(), error);
                detailStatus.set(UserMessages.describe("loading invoice " + item.invoiceNumber(), error)
                        + " Decisions on it are off until it loads: press F5 to try again.");
                detailState.set(DetailState.FAILED);
                pdfMessage.set("The invoice did not load, so neither did its PDF.");
                updateDecisionState();
            }
        });
    }

    private static final java.util.Set<io.backroom.api.model.InvoiceStatus> HELD_STATUSES = java.util.EnumSet.of(
            io.backroom.api.model.InvoiceStatus.ON_HOLD, io.backroom.api.model.InvoiceStatus.ROUTED_TO_BUYER,
            io.backroom.api.model.InvoiceStatus.AWAITING_CREDIT);

    private void loadPdf(String id, long request) {
        executor.submit(() -> queue.document(id), doc -> {
            if (request != detailRequest) {
                return;
            }
            if (doc.isEmpty()) {
                pdfMessage.set("No PDF is attached to this invoice.");
                return;
            }
            pdf = doc.get();
            renderPage(0);
            checkPdf(doc.get(), request);
        }, error -> pdfMessage.set(UserMessages.describe("downloading the supplier's PDF", error)));
    }

    private String header(Invoice i) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        String due = i.dueDate() == null ? "" : " · due " + i.dueDate() + " (" + days(today, i.dueDate()) + ")";
        String discount = i.discountDate() == null || i.discountDate().isBefore(today) ? ""
                : " · discount until " + i.discountDate();
        return i.invoiceNumber() + " · " + i.supplierName() + " · " + money(i.total()) + "\n"
                + (due.isEmpty() ? "" : due.substring(3) + " · ") + "PO " + i.poReference() + " · store " + i.storeId()
                + discount + " · " + i.status().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String days(LocalDate today, LocalDate date) {
        long d = ChronoUnit.DAYS.between(today, date);
        return d < 0 ? -d + " days overdue" : d == 0 ? "today" : "in " + d + " days";
    }

    /** The match grid of {@code invoice}; a line with an open hold counts as broken even without a breach. */
    static List<MatchRow> matchRows(Invoice invoice) {
        Map<Integer, String> lineHolds = invoice.holds().stream()
                .filter(h -> h.status() == HoldStatus.OPEN && h.lineNo() != null)
                .collect(Collectors.toMap(h -> h.lineNo(), h -> holdWords(h.code()), (a, b) -> a + ", " + b));
        return invoice.lines().stream().map(line -> {
            MatchRow row = matchRow(line);
            String hold = lineHolds.get(line.lineNo());
            return row.isBroken() || hold == null ? row : new MatchRow(row.line(), row.item(), row.ordered(),
                    row.received(), row.previouslyInvoiced(), row.invoiced(), row.poPrice(), row.invoicePrice(),
                    row.variance(), hold);
        }).toList();
    }

    static MatchRow matchRow(InvoiceLine line) {
        LineMatch m = line.match();
        if (m == null) {
            return new MatchRow(Integer.toString(line.lineNo()), line.description(), "", "", "", qty(line.quantity()), "",
                    money(line.unitPrice()), "", "");
        }
        String broken = m.breaches().stream().map(InvoiceQueueViewModel::toleranceWords).collect(Collectors.joining("; "));
        if (broken.isEmpty() && !m.holdCodes().isEmpty()) {
            broken = m.holdCodes().stream().map(InvoiceQueueViewModel::holdWords).collect(Collectors.joining(", "));
        }
        String variance = m.unitPriceVariance() == null ? "" : signed(price(m.unitPriceVariance()))
                + (m.priceVariancePercent() == null ? "" : " (" + signed(m.priceVariancePercent()
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()) + "%)");
        return new MatchRow(Integer.toString(line.lineNo()), line.description(), qty(m.orderedQuantity()),
                qty(m.receivedQuantity()), qty(m.previouslyInvoicedQuantity()), qty(m.invoicedQuantity()),
                price(m.poUnitPrice()), price(m.invoiceUnitPrice()), variance, broken);
    }

    /**
     * A broken tolerance in plain words, for example "price 12.5% above the PO, limit 5% (this supplier's)". Unknown
     * rules fall back to their name.
     */
    static String toleranceWords(io.backroom.api.model.ToleranceBreach b) {
        String limit = b.limit() == null ? "?" : b.limit().stripTrailingZeros().toPlainString();
        String found = b.actual() == null ? "?" : b.actual().setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        String what = switch (b.rule()) {
            case "priceUpperPercent" -> "price " + found + "% above the PO, limit " + limit + "%";
            case "priceUpperAmount" -> "price " + found + " per unit above the PO, limit " + limit;
            case "priceLowerPercent" -> "price " + found + "% below the PO, limit " + limit + "%";
            case "priceLowerAmount" -> "price " + found + " per unit below the PO, limit " + limit;
            case "quantityOverOrderPercent" -> "billed " + found + "% more than ordered, limit " + limit + "%";
            case "quantityOverReceiptPercent" -> "billed " + found + "% more than received, limit " + limit + "%";
            case "taxAmount" -> "tax off by " + found + ", limit " + limit;
            case "total" -> "total off by " + found + ", limit " + limit;
            default -> b.rule() + " " + found + ", limit " + limit;
        };
        String source = b.source() == null || b.source().equals("global") ? "company-wide"
                : b.source().startsWith("supplier:") ? "this supplier's"
                : b.source().startsWith("category:") ? "category " + b.source().substring("category:".length())
                : b.source();
        return what + " (" + source + ")";
    }

    /** A unit price with as many decimals as it has, but at least two: 2.44, 0.1234. */
    static String price(Money m) {
        if (m == null) {
            return "";
        }
        BigDecimal a = m.amount().stripTrailingZeros();
        return (a.scale() < 2 ? a.setScale(2) : a).toPlainString();
    }

    private static String signed(String number) {
        return number.startsWith("-") || number.matches("0(\\.0+)?") ? number : "+" + number;
    }

    static String money(Money m) {
        return m == null ? "" : String.format(Locale.ROOT, "%,.2f %s", m.amount(), m.currency());
    }

    private static String qty(BigDecimal q) {
        return q == null ? "" : q.stripTrailingZeros().toPlainString();
    }

    private static String searchKey(QueueItem i) {
        return (i.invoiceNumber() + "\u0000" + i.supplierName() + "\u0000" + i.id() + "\u0000" + i.storeId())
                .toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String value, String lowerNeedle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(lowerNeedle);
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
