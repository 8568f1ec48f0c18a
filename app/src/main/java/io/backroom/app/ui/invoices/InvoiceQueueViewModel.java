package io.backroom.app.ui.invoices;

import io.backroom.api.model.HoldCode;
import io.backroom.api.model.HoldStatus;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.LineMatch;
import io.backroom.api.model.Money;
import io.backroom.app.services.UserMessages;
import io.backroom.app.services.invoices.AdviceService;
import io.backroom.app.services.invoices.DecisionService;
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
    private final Map<QueueItem, String> searchKeys = new IdentityHashMap<>();
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
        this.executor = executor;
        this.queue = queue;
        this.decisions = decisions;
        this.advice = advice;
        this.user = user;
        this.clock = clock;
        this.zone = zone;
        for (var p : new javafx.beans.Observable[] {search, holdCode, supplier, store, minAmount, maxAmount, dueWithinDays}) {
            p.addListener(o -> applyFilters());
        }
        comparator.addListener(o -> applyFilters());
        items.addListener((javafx.collections.ListChangeListener<QueueItem>) c -> {
            searchKeys.keySet().retainAll(new java.util.HashSet<>(items));
            for (QueueItem i : items) {
                searchKeys.computeIfAbsent(i, InvoiceQueueViewModel::searchKey);
            }
        });
        selected.addListener((obs, was, now) -> loadDetail(now));
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
        long started = System.nanoTime();
        executor.submit(queue::heldInvoices, loaded -> {
            loading.set(false);
            LOG.info("Queue loaded: {} held invoices ranked in {} ms", loaded.size(), (System.nanoTime() - started) / 1_000_000);
            String keep = selected.get() == null ? null : selected.get().id();
            items.setAll(withAdvice(loaded));
            applyFilters();
            Optional<QueueItem> again = keep == null ? Optional.empty()
                    : items.stream().filter(i -> i.id().equals(keep)).findFirst();
            if (again.isPresent()) {
                selected.set(again.get());
            } else if (!sorted.isEmpty() && selected.get() == null) {
                selected.set(sorted.get(0));
            }
            askModels(loaded);
            reloadIfWanted();
        }, error -> {
            loading.set(false);
            LOG.warn("Loading the invoice queue failed", error);
            message.set(UserMessages.describe("loading the invoice queue", error));
            reloadIfWanted();
        });
    }

    private boolean reloadWanted;

    private void reloadIfWanted() {
        if (reloadWanted) {
            reloadWanted = false;
            reload();
        }
    }

    /** Applies the filters and search to the queue. */
    public void applyFilters() {
        Predicate<QueueItem> keep = predicate();
        java.util.stream.Stream<QueueItem> shown = items.stream().filter(keep);
        if (comparator.get() != null) {
            shown = shown.sorted(comparator.get());
        }
        sorted.setAll(shown.toList());
        countText.set(sorted.size() == items.size() ? items.size() + " held"
                : sorted.size() + " of " + items.size() + " held");
    }

    Predicate<QueueItem> predicate() {
        String text = search.get() == null ? "" : search.get().trim().toLowerCase(Locale.ROOT);
        HoldCode code = holdCode.get();
        String supplierText = lower(supplier.get());
        String storeText = lower(store.get());
        BigDecimal min = minAmount.get();
        BigDecimal max = maxAmount.get();
        LocalDate dueBy = dueWithinDays.get() == null ? null
                : LocalDate.ofInstant(clock.instant(), zone).plusDays(dueWithinDays.get());
        return i -> (text.isEmpty() || searchKeys.computeIfAbsent(i, InvoiceQueueViewModel::searchKey).contains(text))
                && (code == null || i.holdCodes().contains(code))
                && (supplierText.isEmpty() || contains(i.supplierName(), supplierText) || contains(i.supplierId(), supplierText))
                && (storeText.isEmpty() || contains(i.storeId(), storeText))
                && (min == null || i.total() != null && i.total().amount().compareTo(min) >= 0)
                && (max == null || i.total() != null && i.total().amount().compareTo(max) <= 0)
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
        Decision decision;
        try {
            InvoiceAdvice shown = adviceByInvoice.get(item.id());
            decision = new Decision(item.id(), currentVersion(item), action, reason, assignee, user.get(),
                    shown == null || shown.recommended() == null ? null : shown.recommended().name());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return;
        }
        int at = sorted.indexOf(item);
        Long replaces = item.id().equals(conflictInvoice) ? conflictToReplace : null;
        executor.submit(() -> replaces == null ? decisions.decide(decision) : decisions.redecide(replaces, decision), queued -> {
            if (replaces != null) {
                conflictToReplace = null;
                conflictInvoice = null;
            }
            message.set(action.label() + " of " + item.invoiceNumber() + " queued; it is sent to the gateway now.");
            items.remove(item);
            applyFilters();
            selected.set(sorted.isEmpty() ? null : sorted.get(Math.min(Math.max(at, 0), sorted.size() - 1)));
        }, error -> message.set(UserMessages.describe("recording the decision", error)));
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
        executor.submit(() -> {
            List<String> outside = new ArrayList<>();
            List<Decision> releases = new ArrayList<>();
            for (QueueItem item : chosen) {
                Invoice invoice = queue.invoice(item.id());
                if (withinTolerance(invoice, limit)) {
                    releases.add(new Decision(item.id(), invoice.version(), DecisionAction.RELEASE, null, null, who, null));
                } else {
                    outside.add(item.invoiceNumber());
                }
            }
            if (!outside.isEmpty()) {
                throw new IllegalArgumentException("Nothing was released: " + String.join(", ", outside)
                        + (outside.size() == 1 ? " is" : " are") + " not within " + limit + "% price variance. "
                        + "Deselect " + (outside.size() == 1 ? "it" : "them") + " or decide one by one.");
            }
            decisions.decideAll(releases);
            return releases.size();
        }, n -> {
            message.set("Released " + n + (n == 1 ? " invoice" : " invoices") + " within " + limit + "%; sending now.");
            items.removeAll(chosen);
            applyFilters();
            selected.set(sorted.isEmpty() ? null : sorted.get(0));
        }, error -> message.set(UserMessages.describe("releasing the selected invoices", error)));
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
            items.setAll(loaded);
            applyFilters();
            items.stream().filter(i -> i.id().equals(invoiceId)).findFirst().ifPresentOrElse(selected::set,
                    () -> message.set("The invoice is no longer held (someone decided it); discard your decision."));
        }, error -> message.set(UserMessages.describe("reloading the invoice", error)));
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
        executor.submit(() -> PdfPages.render(doc, index, dpi), page -> {
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
            String keep = selected.get() == null ? null : selected.get().id();
            items.setAll(withAdvice(List.copyOf(items)));
            applyFilters();
            if (keep != null) {
                items.stream().filter(i -> i.id().equals(keep)).findFirst().ifPresent(selected::set);
            }
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
    private List<QueueItem> withAdvice(List<QueueItem> loaded) {
        if (ranking.isEmpty()) {
            return loaded;
        }
        List<QueueItem> out = new java.util.ArrayList<>(loaded.size());
        for (QueueItem i : loaded) {
            AdviceService.Ranked r = ranking.get(i.id());
            out.add(r == null ? i : new QueueItem(i.id(), i.invoiceNumber(), i.supplierId(), i.supplierName(), i.storeId(),
                    i.total(), i.holdCodes(), i.status(), i.dueDate(), i.discountDate(), i.ageDays(), i.version(),
                    r.score(), "#" + r.rank() + ": " + r.reason()));
        }
        out.sort(Comparator.comparing((QueueItem i) -> ranking.containsKey(i.id()) ? ranking.get(i.id()).rank() : Integer.MAX_VALUE)
                .thenComparing(QueueItem::priority, Comparator.reverseOrder()));
        return out;
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
            pdfMessage.set("Select an invoice to see the supplier's PDF.");
            return;
        }
        headerText.set(item.invoiceNumber() + " · " + item.supplierName());
        showAdvice(item);
        pdfMessage.set("Loading the supplier's PDF…");
        executor.submit(() -> queue.invoice(item.id()), invoice -> {
            if (request != detailRequest) {
                return;
            }
            detail.set(invoice);
            headerText.set(header(invoice));
            matchRows.setAll(matchRows(invoice));
            holds.setAll(invoice.holds().stream().filter(h -> h.status() == HoldStatus.OPEN)
                    .map(h -> h.code() + (h.lineNo() == null ? "" : " (line " + h.lineNo() + ")") + ": " + h.message())
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
                message.set(UserMessages.describe("loading invoice " + item.invoiceNumber(), error));
            }
        });
    }

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
        String discount = i.discountDate() == null ? "" : " · discount until " + i.discountDate();
        return i.invoiceNumber() + " · " + i.supplierName() + " · store " + i.storeId() + " · PO " + i.poReference()
                + " · total " + money(i.total()) + due + discount + " · " + i.status();
    }

    private static String days(LocalDate today, LocalDate date) {
        long d = ChronoUnit.DAYS.between(today, date);
        return d < 0 ? -d + " days overdue" : d == 0 ? "today" : "in " + d + " days";
    }

    /** The match grid of {@code invoice}; a line with an open hold counts as broken even without a breach. */
    static List<MatchRow> matchRows(Invoice invoice) {
        Map<Integer, String> lineHolds = invoice.holds().stream()
                .filter(h -> h.status() == HoldStatus.OPEN && h.lineNo() != null)
                .collect(Collectors.toMap(h -> h.lineNo(), h -> h.code().name(), (a, b) -> a + ", " + b));
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
        String broken = m.breaches().stream().map(b -> b.rule() + " limit " + b.limit().stripTrailingZeros().toPlainString()
                + ", found " + b.actual().setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString()
                + " (" + b.source() + ")")
                .collect(Collectors.joining("; "));
        if (broken.isEmpty() && !m.holdCodes().isEmpty()) {
            broken = m.holdCodes().stream().map(Enum::name).collect(Collectors.joining(", "));
        }
        String variance = m.unitPriceVariance() == null ? "" : signed(price(m.unitPriceVariance()))
                + (m.priceVariancePercent() == null ? "" : " (" + signed(m.priceVariancePercent()
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()) + "%)");
        return new MatchRow(Integer.toString(line.lineNo()), line.description(), qty(m.orderedQuantity()),
                qty(m.receivedQuantity()), qty(m.previouslyInvoicedQuantity()), qty(m.invoicedQuantity()),
                price(m.poUnitPrice()), price(m.invoiceUnitPrice()), variance, broken);
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
