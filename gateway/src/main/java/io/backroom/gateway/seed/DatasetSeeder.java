package io.backroom.gateway.seed;

import io.backroom.api.model.Charge;
import io.backroom.api.model.GoodsReceiptLine;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.Money;
import io.backroom.api.model.NewGoodsReceipt;
import io.backroom.api.model.NewInvoice;
import io.backroom.api.model.NewInvoiceLine;
import io.backroom.api.model.NewPurchaseOrder;
import io.backroom.api.model.PaymentTerms;
import io.backroom.api.model.PurchaseOrderLine;
import io.backroom.api.model.PurchaseOrderStatus;
import io.backroom.api.model.Role;
import io.backroom.api.model.TolerancePolicy;
import io.backroom.api.model.Tolerances;
import io.backroom.gateway.ap.ApWorkflow;
import io.backroom.gateway.ap.InvoiceDocuments;
import io.backroom.gateway.ap.TolerancePolicyStore;
import io.backroom.gateway.auth.PasswordHasher;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.adapter.sandbox.MasterDataWriter;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.erpsync.ReadModelRefresher;
import io.backroom.gateway.store.Database;
import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.io.SampleDataset;
import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.GoodsReceipt;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.InvoiceLine;
import io.backroom.sampledata.model.Item;
import io.backroom.sampledata.model.PurchaseOrder;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.User;
import io.backroom.sampledata.pdf.DocumentRenderer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads a synthetic-retailer data set (the committed demo set, or one generated on disk) into a fresh gateway: master
 * data and users through the master-data writer, then purchase orders, goods receipts, invoices and credit notes in
 * the order they happened, through the same intake workflow the HTTP routes use, so every invoice is matched and
 * held exactly as a live one would be. Runs in one transaction: a crash mid-seed leaves an empty database that is
 * seeded again on the next start.
 */
public final class DatasetSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DatasetSeeder.class);
    /** Events per transaction while loading documents. */
    static final int CHUNK = 500;
    /** PDFs rendered, then attached in one transaction. */
    static final int PDF_CHUNK = 25;
    /** Release limit of a clerk whose data-set approval limit is zero. */
    static final BigDecimal DEFAULT_CLERK_RELEASE_LIMIT = new BigDecimal("10000.00");
    /** The identity seeded documents are entered under: the ERP's own integration, not a person. */
    static final io.backroom.api.model.User ERP_SYNC = new io.backroom.api.model.User("erp-sync", "erp-sync",
            "ERP synchronisation", null, List.of(Role.INTEGRATION_ANALYST), null, null, Money.zero("EUR"),
            Money.zero("EUR"));

    private final Database db;
    private final ErpMirror erpBackend;
    private final ReadModelRefresher refresher;
    private final ApWorkflow ap;
    private final TolerancePolicyStore policies;
    private final Clock clock;
    private final PasswordHasher hasher;

    /**
     * @param erpBackend the gateway's side of the ERP (read model and outbox), which the seeded documents go through
     * @param refresher  copies the master data written into the sandbox ERP into the gateway's read model
     */
    public DatasetSeeder(Database db, ErpMirror erpBackend, ReadModelRefresher refresher, ApWorkflow ap,
            TolerancePolicyStore policies, Clock clock, PasswordHasher hasher) {
        this.db = db;
        this.erpBackend = erpBackend;
        this.refresher = refresher;
        this.ap = ap;
        this.policies = policies;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Whether the database has never been seeded (no users). */
    public boolean isEmpty() {
        return db.read(tx -> tx.count("SELECT COUNT(*) FROM users")) == 0;
    }

    /**
     * Seeds {@code data}; demo passwords go to {@code pending} (hashed in the background by the caller) instead of
     * being hashed here.
     */
    public void seed(SampleDataset data, io.backroom.gateway.auth.PendingPasswords pending) {
        long started = System.nanoTime();
        List<User> users = data.readAll(DataFiles.USERS);
        Map<String, PasswordHasher.Hashed> passwords = new HashMap<>();
        for (User u : users) {
            if (u.demoPassword() != null && !u.demoPassword().isEmpty()) {
                pending.add(u.id(), u.username(), u.demoPassword().toCharArray());
            }
        }
        List<Supplier> suppliers = data.readAll(DataFiles.SUPPLIERS);
        Map<String, String> supplierCurrency = new HashMap<>();
        suppliers.forEach(s -> supplierCurrency.put(s.id(), s.currency()));
        db.write(tx -> {
            MasterDataWriter w = new MasterDataWriter(tx);
            for (User u : users) {
                w.user(user(u), passwords.get(u.id()));
            }
            w.user(ERP_SYNC, null);
            for (Store s : data.readAll(DataFiles.STORES)) {
                w.store(new io.backroom.api.model.Store(s.id(), s.name(), s.regionId(), s.city(),
                        s.sizeTier() == null ? null : s.sizeTier().name()));
            }
            Map<String, Tolerances> overrides = new HashMap<>();
            for (Supplier s : suppliers) {
                w.supplier(supplier(s));
                if (s.toleranceOverride() != null) {
                    overrides.put(s.id(), new Tolerances(s.toleranceOverride().priceVariancePercent(),
                            s.toleranceOverride().amountVariance(), null, null,
                            s.toleranceOverride().quantityOverPercent(), null, null, null));
                }
            }
            for (Item i : data.readAll(DataFiles.ITEMS)) {
                String currency = supplierCurrency.getOrDefault(i.supplierId(), "EUR");
                w.item(new io.backroom.api.model.Item(i.id(), i.sku(), i.name(), i.category(), i.unit(),
                        i.cost() == null ? null : new Money(i.cost(), currency), i.supplierId()));
            }
            policies.replace(tx, new TolerancePolicy(retailerPolicy(), Map.of(), overrides, 0, null, null), 0,
                    ERP_SYNC.id(), clock.instant());
            tx.update("INSERT INTO seed_progress (name, applied, total) VALUES ('documents', 0, -1)");
            return null;
        });
        refresher.refreshMasterData();
        LOG.info("Seeded master data of data set {} ({} users) in {} ms", data.manifest().preset(), users.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The synthetic retailer's own AP policy (sample-data README, "Default match tolerances"), which differs from
     * the gateway's defaults in three places: it accepts over-deliveries at the dock and pays what was received (so
     * invoicing up to 25% over the ordered quantity is tolerated when the goods were received; invoiced against
     * received stays exact), any freight beyond what the PO agreed is held, and tax may differ by at most 0.05.
     */
    static Tolerances retailerPolicy() {
        Tolerances d = Tolerances.defaults();
        return new Tolerances(d.priceUpperPercent(), d.priceUpperAmount(), d.priceLowerPercent(), d.priceLowerAmount(),
                d.quantityOverReceiptPercent(), new java.math.BigDecimal("25"), new java.math.BigDecimal("0.00"),
                new java.math.BigDecimal("0.05"));
    }

    /** Documents still to load: {@code applied} of {@code total} events done; empty when seeding is complete. */
    public java.util.Optional<long[]> documentsPending() {
        return db.read(tx -> tx.one("SELECT applied, total FROM seed_progress WHERE name = 'documents'",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)})).filter(p -> p[1] < 0 || p[0] < p[1]);
    }

    /**
     * Loads the data set's purchase orders, receipts, invoices and credit notes in the order they happened, through
     * the intake workflow, in chunks of {@value #CHUNK} events per transaction so that people can sign in and work
     * meanwhile. Progress is committed with each chunk: after a crash or a stop it resumes where it was.
     *
     * @param stop checked between chunks
     * @return whether every event was applied
     */
    public boolean seedDocuments(SampleDataset data, java.util.function.BooleanSupplier stop) {
        long started = System.nanoTime();
        Principal erp = Principal.erpFeed(ERP_SYNC);
        java.util.Set<String> toClose = new java.util.HashSet<>();
        List<Event> events = new ArrayList<>();
        for (PurchaseOrder po : data.readAll(DataFiles.PURCHASE_ORDERS)) {
            if ("CLOSED".equals(po.status())) {
                toClose.add(po.id());
            }
            events.add(event(LocalDate.MIN, 0, (tx, e) -> ap.createPurchaseOrder(tx, e, purchaseOrder(po))));
        }
        events.addAll(timeline(data, toClose));
        // orders the data set shows CLOSED were open while received and invoiced; they are closed last
        events.add(event(LocalDate.MAX, 9, (tx, e) -> {
            for (String poId : toClose) {
                erpBackend.setPurchaseOrderStatus(tx, poId, PurchaseOrderStatus.CLOSED);
            }
        }));
        long applied = documentsPending().map(p -> p[0]).orElse((long) events.size());
        int skipped = 0;
        while (applied < events.size()) {
            if (stop.getAsBoolean()) {
                return false;
            }
            long from = applied;
            long to = Math.min(events.size(), from + CHUNK);
            skipped += db.write(tx -> {
                int refused = 0;
                for (long i = from; i < to; i++) {
                    try {
                        events.get((int) i).apply(tx, erp);
                    } catch (io.backroom.gateway.core.Problem p) {
                        refused++;
                        LOG.debug("Seeding skipped a record the intake refused: {}", p.getMessage());
                    }
                }
                tx.update("UPDATE seed_progress SET applied = ?, total = ? WHERE name = 'documents'", to,
                        (long) events.size());
                return refused;
            });
            applied = to;
        }
        if (skipped > 0) {
            LOG.warn("Seeding skipped {} records the intake refused", skipped);
        }
        LOG.info("Seeded {} documents in {} ms", events.size(), (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** Whether the supplier PDFs still have to be attached ({@link #seedPdfs}); true until that phase completes. */
    public boolean pdfsPending() {
        return db.read(tx -> tx.one("SELECT applied, total FROM seed_progress WHERE name = 'pdfs'",
                rs -> rs.getLong(2) < 0 || rs.getLong(1) < rs.getLong(2))).orElse(true);
    }

    /**
     * Gives invoices their supplier PDFs, after the documents are loaded: the data set's committed PDFs
     * ({@code pdfFile}) are attached byte for byte to their invoices and credit notes, and every held invoice (open
     * holds) still without a document gets its PDF rendered by the generator's own renderer in its supplier's layout.
     * Each PDF is stored exactly as {@code PUT /invoices/{id}/document} stores one (same checks, version + 1, history
     * entry, change event), uploaded by {@code erp-sync}. Rendering runs outside the write lock; each chunk of
     * {@value #PDF_CHUNK} is attached in one transaction. Invoices that have a document already are skipped, so a
     * crash or stop resumes where it was and a document a person uploaded meanwhile is never replaced.
     *
     * @param stop checked between chunks
     * @return whether the phase completed
     */
    public boolean seedPdfs(SampleDataset data, java.util.function.BooleanSupplier stop) {
        long started = System.nanoTime();
        Map<String, Invoice> invoices = new HashMap<>();
        Map<String, String> committed = new java.util.TreeMap<>();
        for (Invoice i : data.readAll(DataFiles.INVOICES)) {
            invoices.put(i.id(), i);
            if (i.pdfFile() != null) {
                committed.put(i.id(), i.pdfFile());
            }
        }
        if (data.has(DataFiles.CREDIT_NOTES)) {
            for (CreditNote c : data.readAll(DataFiles.CREDIT_NOTES)) {
                if (c.pdfFile() != null) {
                    committed.put(c.id(), c.pdfFile());
                }
            }
        }
        java.util.Set<String> missing = new java.util.HashSet<>(db.read(tx -> tx.query(
                "SELECT id FROM invoices WHERE has_document = 0", rs -> rs.getString(1))));
        int attached = 0;
        List<Map.Entry<String, byte[]>> chunk = new ArrayList<>();
        for (Map.Entry<String, String> c : committed.entrySet()) {
            if (missing.contains(c.getKey())) {
                chunk.add(Map.entry(c.getKey(), data.readPdf(c.getValue())));
            }
        }
        attached += attachAll(chunk);
        List<String> held = db.read(tx -> tx.query("SELECT id FROM invoices WHERE kind = ? AND status IN (?,?,?) "
                        + "AND hold_codes <> '' AND has_document = 0 ORDER BY id", rs -> rs.getString(1),
                InvoiceKind.INVOICE, io.backroom.api.model.InvoiceStatus.ON_HOLD,
                io.backroom.api.model.InvoiceStatus.ROUTED_TO_BUYER, io.backroom.api.model.InvoiceStatus.AWAITING_CREDIT))
                .stream().filter(invoices::containsKey).toList();
        Map<String, Supplier> suppliers = new HashMap<>();
        data.readAll(DataFiles.SUPPLIERS).forEach(s -> suppliers.put(s.id(), s));
        Map<String, Store> stores = new HashMap<>();
        data.readAll(DataFiles.STORES).forEach(s -> stores.put(s.id(), s));
        int rendered = 0;
        try (DocumentRenderer renderer = new DocumentRenderer(suppliers::get, stores::get)) {
            for (int from = 0; from < held.size(); from += PDF_CHUNK) {
                if (stop.getAsBoolean()) {
                    return false;
                }
                chunk = new ArrayList<>();
                for (String id : held.subList(from, Math.min(held.size(), from + PDF_CHUNK))) {
                    try {
                        chunk.add(Map.entry(id, renderer.invoice(invoices.get(id)).pdf()));
                    } catch (RuntimeException e) {
                        // one unrenderable record must not stop the others; it simply has no PDF
                        LOG.warn("Could not render the PDF of invoice {}: {}", id, e.getMessage());
                    }
                }
                rendered += chunk.size();
                attached += attachAll(chunk);
            }
        }
        int done = attached;
        db.write(tx -> {
            tx.update("DELETE FROM seed_progress WHERE name = 'pdfs'");
            tx.update("INSERT INTO seed_progress (name, applied, total) VALUES ('pdfs', ?, ?)", (long) done,
                    (long) done);
            return null;
        });
        LOG.info("Attached {} supplier PDFs ({} rendered for held invoices) in {} ms", attached, rendered,
                (System.nanoTime() - started) / 1_000_000);
        return true;
    }

    /** Attaches each PDF to its invoice in one transaction, skipping invoices that have a document by now. */
    private int attachAll(List<Map.Entry<String, byte[]>> pdfs) {
        if (pdfs.isEmpty()) {
            return 0;
        }
        return db.write(tx -> {
            int n = 0;
            Instant now = clock.instant();
            for (Map.Entry<String, byte[]> pdf : pdfs) {
                java.util.Optional<Long> version = tx.one("SELECT version FROM invoices WHERE id = ? AND has_document = 0",
                        rs -> rs.getLong(1), pdf.getKey());
                if (version.isPresent()) {
                    InvoiceDocuments.requirePdf(pdf.getValue());
                    InvoiceDocuments.attach(tx, pdf.getKey(), version.get(), pdf.getValue(), ERP_SYNC.id(), now);
                    n++;
                }
            }
            return n;
        });
    }

    /** Seeds {@code data} and hashes every demo password before returning (tests and tools). */
    public void seed(SampleDataset data) {
        io.backroom.gateway.auth.PendingPasswords pending = new io.backroom.gateway.auth.PendingPasswords();
        seed(data, pending);
        seedDocuments(data, () -> false);
        seedPdfs(data, () -> false);
        Map<String, PasswordHasher.Hashed> hashed = hashPasswords(data.readAll(DataFiles.USERS));
        db.write(tx -> {
            for (Map.Entry<String, PasswordHasher.Hashed> h : hashed.entrySet()) {
                tx.update("UPDATE users SET password_hash = ?, password_salt = ?, password_iterations = ? WHERE id = ?",
                        h.getValue().hash(), h.getValue().salt(), h.getValue().iterations(), h.getKey());
            }
            return null;
        });
    }

    /** Puts the demo passwords of users that still have no hash into {@code pending} (after a restart). */
    public void resumePending(SampleDataset data, io.backroom.gateway.auth.PendingPasswords pending) {
        java.util.Set<String> missing = new java.util.HashSet<>(db.read(tx -> tx.query(
                "SELECT id FROM users WHERE password_hash IS NULL", rs -> rs.getString(1))));
        for (User u : data.readAll(DataFiles.USERS)) {
            if (missing.contains(u.id()) && u.demoPassword() != null && !u.demoPassword().isEmpty()) {
                pending.add(u.id(), u.username(), u.demoPassword().toCharArray());
            }
        }
    }

    /** Hashes the demo passwords on all cores; PBKDF2 is deliberately slow. */
    private Map<String, PasswordHasher.Hashed> hashPasswords(List<User> users) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            Map<String, Future<PasswordHasher.Hashed>> futures = new HashMap<>();
            for (User u : users) {
                if (u.demoPassword() != null && !u.demoPassword().isEmpty()) {
                    futures.put(u.id(), pool.submit(() -> hasher.hash(u.demoPassword().toCharArray())));
                }
            }
            Map<String, PasswordHasher.Hashed> out = new HashMap<>();
            for (Map.Entry<String, Future<PasswordHasher.Hashed>> f : futures.entrySet()) {
                out.put(f.getKey(), f.getValue().get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing demo passwords", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Hashing demo passwords failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    static io.backroom.api.model.User user(User u) {
        String currency = u.currency() == null ? "EUR" : u.currency();
        BigDecimal approval = u.approvalLimit() == null ? BigDecimal.ZERO : u.approvalLimit();
        Money release;
        if (u.roles().contains(io.backroom.sampledata.model.Role.AP_SUPERVISOR)) {
            release = null;
        } else if (u.roles().contains(io.backroom.sampledata.model.Role.AP_CLERK)) {
            release = new Money(approval.signum() > 0 ? approval : DEFAULT_CLERK_RELEASE_LIMIT, currency);
        } else {
            release = Money.zero(currency);
        }
        return new io.backroom.api.model.User(u.id(), u.username(), u.displayName(), u.email(),
                u.roles().stream().map(r -> Role.valueOf(r.name())).toList(), u.regionId(), u.storeId(), release,
                new Money(approval, currency));
    }

    static io.backroom.api.model.Supplier supplier(Supplier s) {
        PaymentTerms terms = s.paymentTerms() == null ? null : new PaymentTerms(s.paymentTerms().code(),
                s.paymentTerms().netDays(), s.paymentTerms().discountPercent(), s.paymentTerms().discountDays());
        return new io.backroom.api.model.Supplier(s.id(), s.name(), s.kind() == null ? null : s.kind().name(),
                s.country(), s.currency(), terms, s.taxRate(), s.risk(), s.blocked());
    }

    static NewPurchaseOrder purchaseOrder(PurchaseOrder po) {
        List<PurchaseOrderLine> lines = po.lines().stream().map(l -> new PurchaseOrderLine(l.lineNo(), l.itemId(),
                l.description(), l.category(), l.orderedQuantity(), l.unit(), new Money(l.unitPrice(), po.currency())))
                .toList();
        // a CLOSED order was open while it was received and invoiced: it is closed after its first invoice
        PurchaseOrderStatus status = PurchaseOrderStatus.valueOf(po.status());
        return new NewPurchaseOrder(po.id(), po.supplierId(), po.storeId(), po.buyerUserId(), po.orderDate(),
                po.expectedDate(), po.currency(), status == PurchaseOrderStatus.CLOSED ? PurchaseOrderStatus.OPEN : status,
                lines, po.agreedFreight() == null || po.agreedFreight().signum() == 0 ? null
                        : new Money(po.agreedFreight(), po.currency()));
    }

    /** One intake event of the data set, applied in date order. */
    private interface Event {
        LocalDate on();

        int order();

        void apply(io.backroom.gateway.store.Sql tx, Principal erp) throws java.sql.SQLException;
    }

    private List<Event> timeline(SampleDataset data, java.util.Set<String> toClose) {
        List<Event> events = new ArrayList<>();
        for (GoodsReceipt r : data.readAll(DataFiles.GOODS_RECEIPTS)) {
            events.add(event(r.receivedOn(), 0, (tx, erp) -> ap.createGoodsReceipt(tx, erp, new NewGoodsReceipt(r.id(),
                    r.poId(), r.storeId(), r.receivedOn(), r.deliveryNote(),
                    List.of(new GoodsReceiptLine(r.poLineNo(), r.quantity()))))));
        }
        for (Invoice i : data.readAll(DataFiles.INVOICES)) {
            events.add(event(i.receivedOn() == null ? i.invoiceDate() : i.receivedOn(), 1,
                    (tx, erp) -> ap.createInvoice(tx, erp, invoice(i))));
        }
        if (data.has(DataFiles.CREDIT_NOTES)) {
            for (CreditNote c : data.readAll(DataFiles.CREDIT_NOTES)) {
                events.add(event(c.issueDate(), 2, (tx, erp) -> ap.createInvoice(tx, erp, creditNote(c))));
            }
        }
        events.sort(Comparator.comparing(Event::on).thenComparingInt(Event::order));
        return events;
    }

    @FunctionalInterface
    private interface Action {
        void apply(io.backroom.gateway.store.Sql tx, Principal erp) throws java.sql.SQLException;
    }

    private static Event event(LocalDate on, int order, Action action) {
        return new Event() {
            @Override
            public LocalDate on() {
                return on;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public void apply(io.backroom.gateway.store.Sql tx, Principal erp) throws java.sql.SQLException {
                action.apply(tx, erp);
            }
        };
    }

    static NewInvoice invoice(Invoice i) {
        List<Charge> charges = i.charges() == null ? List.of() : i.charges().stream().map(c -> new Charge(
                c.type().name(), c.description(), new Money(c.amount(), i.currency()))).toList();
        return new NewInvoice(i.id(), InvoiceKind.INVOICE, i.invoiceNumber(), i.supplierId(), i.poReference(),
                i.storeId(), i.invoiceDate(), i.receivedOn(), i.dueDate(), i.currency(), lines(i.lines(), i.currency()),
                charges, new Money(i.taxAmount(), i.currency()), new Money(i.total(), i.currency()), null);
    }

    static NewInvoice creditNote(CreditNote c) {
        return new NewInvoice(c.id(), InvoiceKind.CREDIT_NOTE, c.creditNoteNumber(), c.supplierId(), c.poReference(),
                null, c.issueDate(), c.issueDate(), c.issueDate(), c.currency(), lines(c.lines(), c.currency()),
                List.of(), new Money(c.taxAmount(), c.currency()), new Money(c.total(), c.currency()), c.invoiceId());
    }

    private static List<NewInvoiceLine> lines(List<InvoiceLine> lines, String currency) {
        return lines.stream().map(l -> new NewInvoiceLine(l.lineNo(), l.poLineNo(), l.itemId(), l.description(),
                l.quantity(), l.unit(), l.unitPrice() == null ? null : new Money(l.unitPrice(), currency), l.taxRate(),
                l.netAmount() == null ? null : new Money(l.netAmount(), currency))).toList();
    }
}
