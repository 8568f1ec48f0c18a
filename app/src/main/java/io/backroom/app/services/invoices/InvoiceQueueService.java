package io.backroom.app.services.invoices;

import io.backroom.api.model.ChangeEvent;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.InvoiceSummary;
import io.backroom.app.tasks.BlockingWorkGuard;
import io.backroom.sdk.BackroomClient;
import io.backroom.sdk.ChangeEventListParams;
import io.backroom.sdk.Download;
import io.backroom.sdk.InvoiceListParams;
import io.backroom.sdk.Page;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The held-invoice queue and its details, read from the gateway through the SDK as the signed-in
 * user, and ranked by a {@link Prioritiser}. Every method is slow (HTTP): never on the UI thread.
 */
public final class InvoiceQueueService {
    private static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;

    private final Supplier<Optional<BackroomClient>> client;
    private final Prioritiser prioritiser;
    private final Clock clock;
    private final ZoneId zone;

    public InvoiceQueueService(Supplier<Optional<BackroomClient>> client, Prioritiser prioritiser, Clock clock, ZoneId zone) {
        this.client = client;
        this.prioritiser = prioritiser;
        this.clock = clock;
        this.zone = zone;
    }

    /** Every invoice on hold, routed to a buyer or awaiting credit, highest priority first. */
    public List<QueueItem> heldInvoices() {
        BlockingWorkGuard.check("Loading the invoice queue");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return client().invoices().list(InvoiceListParams.builder()
                        .statuses(InvoiceStatus.ON_HOLD, InvoiceStatus.ROUTED_TO_BUYER, InvoiceStatus.AWAITING_CREDIT)
                        .limit(500).build())
                .autoPager().stream()
                .map(s -> item(s, today))
                .sorted(Comparator.comparing(QueueItem::priority).reversed().thenComparing(QueueItem::id))
                .toList();
    }

    /** Ranks one summary. */
    public QueueItem item(InvoiceSummary s, LocalDate today) {
        Prioritiser.Ranked ranked = prioritiser.rank(s, today);
        long age = s.createdAt() == null ? 0 : ChronoUnit.DAYS.between(LocalDate.ofInstant(s.createdAt(), zone), today);
        return new QueueItem(s.id(), s.invoiceNumber(), s.supplierId(), s.supplierName(), s.storeId(), s.total(),
                s.holdCodes(), s.status(), s.dueDate(), s.discountDate(), Math.max(0, age), s.version(),
                ranked.score(), ranked.reason());
    }

    /** How often the loading progress is read while the demo retailer loads. */
    public static final java.time.Duration PROGRESS_EVERY = java.time.Duration.ofMillis(1500);
    private volatile boolean seeding;
    private long lastSeen = -1;
    private int unchanged;

    /**
     * The gateway is the embedded sandbox, which loads the demo retailer's documents in the background on first start:
     * {@link #progress()} says how far it got.
     */
    public void expectDemoRetailer() {
        this.seeding = true;
    }

    /** Whether the demo retailer may still be loading (until {@link #progress()} finds the count settled). */
    public boolean seeding() {
        return seeding;
    }

    /**
     * How far the demo retailer's documents have loaded, while they load: invoices in so far and how many of them are
     * held. Empty once the count has stopped growing (the same in three reads, {@link #PROGRESS_EVERY} apart), and for a
     * remote gateway. Sleeps between reads: call it in the background, again while it answers.
     */
    public synchronized Optional<Progress> progress() {
        BlockingWorkGuard.check("Reading the loading progress");
        if (!seeding) {
            return Optional.empty();
        }
        if (lastSeen >= 0) {
            try {
                Thread.sleep(PROGRESS_EVERY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        io.backroom.api.model.ApMetrics m = client().metrics().accountsPayable();
        unchanged = m.invoices() == lastSeen ? unchanged + 1 : 0;
        lastSeen = m.invoices();
        if (unchanged >= 2) {
            seeding = false;
            return Optional.empty();
        }
        return Optional.of(new Progress(m.invoices(), m.heldInvoices()));
    }

    /**
     * @param invoices invoices loaded so far
     * @param held     of those, held so far
     */
    public record Progress(long invoices, long held) {
        /** For example "Loading the demo retailer: 1,240 invoices in so far, 220 of them held…". */
        public String text() {
            return String.format(java.util.Locale.ROOT, "Loading the demo retailer: %,d invoices in so far, %,d of them "
                    + "held…", invoices, held);
        }
    }

    /** The full invoice: lines with their match, holds, history, version. */
    public Invoice invoice(String id) {
        BlockingWorkGuard.check("Loading an invoice");
        return client().invoices().get(id);
    }

    /**
     * Who an invoice can be routed to: the buyers (and AP supervisors) the gateway knows, the purchase order's buyer
     * first and chosen by default when the order names one.
     */
    public Buyers buyers(String poReference) {
        BlockingWorkGuard.check("Reading the buyers");
        BackroomClient c = client();
        String poBuyer = null;
        if (poReference != null) {
            try {
                poBuyer = c.purchaseOrders().get(poReference).buyerUserId();
            } catch (io.backroom.sdk.NotFoundException e) {
                poBuyer = null;
            }
        }
        java.util.Map<String, io.backroom.api.model.User> byId = new java.util.LinkedHashMap<>();
        for (io.backroom.api.model.Role role : List.of(io.backroom.api.model.Role.BUYER, io.backroom.api.model.Role.AP_SUPERVISOR)) {
            c.users().list(io.backroom.sdk.UserListParams.builder().role(role).limit(500).build()).autoPager().stream()
                    .forEach(u -> byId.putIfAbsent(u.id(), u));
        }
        List<io.backroom.api.model.User> users = new java.util.ArrayList<>(byId.values());
        String first = poBuyer;
        users.sort(Comparator.comparing((io.backroom.api.model.User u) -> !u.id().equals(first))
                .thenComparing(u -> !u.hasRole(io.backroom.api.model.Role.BUYER))
                .thenComparing(io.backroom.api.model.User::displayName));
        return new Buyers(users, poBuyer != null && byId.containsKey(poBuyer) ? poBuyer : null);
    }

    /**
     * @param users       who the invoice can be routed to, the PO's buyer first
     * @param defaultUser the PO's buyer, if the order names one the gateway knows
     */
    public record Buyers(List<io.backroom.api.model.User> users, String defaultUser) {
    }

    /** The supplier's PDF, if one is attached. Refuses documents over 20 MB. */
    public Optional<byte[]> document(String id) {
        BlockingWorkGuard.check("Downloading a PDF");
        try (Download d = client().invoices().document(id)) {
            if (d.contentLength().isPresent() && d.contentLength().getAsLong() > MAX_DOCUMENT_BYTES) {
                throw new IllegalStateException("The supplier's PDF is larger than 20 MB; open it from the ERP instead.");
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.transferTo(out);
            return Optional.of(out.toByteArray());
        } catch (io.backroom.sdk.NotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Changes since {@code cursor} (from the start when {@code null}): what the live queue
     * listens to. Returns the events and the cursor to continue from.
     */
    public Changes changesAfter(String cursor) {
        BlockingWorkGuard.check("Reading the change feed");
        ChangeEventListParams.Builder params = ChangeEventListParams.builder().limit(500);
        if (cursor != null) {
            params.after(cursor);
        }
        Page<ChangeEvent> page = client().events().list(params.build());
        List<ChangeEvent> events = page.items();
        String next = events.isEmpty() ? cursor : events.get(events.size() - 1).cursor();
        return new Changes(events, next);
    }

    /**
     * A batch of the change feed.
     *
     * @param events the changes, oldest first
     * @param cursor where to continue
     */
    public record Changes(List<ChangeEvent> events, String cursor) {
    }

    private BackroomClient client() {
        return client.get().orElseThrow(() -> new IllegalStateException("Sign in to see the invoice queue."));
    }
}
