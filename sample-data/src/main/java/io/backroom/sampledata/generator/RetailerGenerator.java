package io.backroom.sampledata.generator;

import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.io.DatasetWriter;
import io.backroom.sampledata.io.EntityFile;
import io.backroom.sampledata.io.Manifest;
import io.backroom.sampledata.labels.DocumentLabel;
import io.backroom.sampledata.labels.FraudPattern;
import io.backroom.sampledata.labels.ShiftLabel;
import io.backroom.sampledata.labels.TransactionLabel;
import io.backroom.sampledata.model.ApprovalRequest;
import io.backroom.sampledata.model.CashierShift;
import io.backroom.sampledata.model.IntegrationFlow;
import io.backroom.sampledata.model.IntegrationMessage;
import io.backroom.sampledata.model.PosTransaction;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.pdf.DocumentSink;
import io.backroom.sampledata.pdf.PdfDocuments;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates a whole data set into a folder: master data, procurement with its problems and history, expenses,
 * approvals, POS journals with fraud, integration traffic, statements and reminders, optional PDFs, labels and the
 * manifest. Deterministic: the output depends only on the settings and {@link #GENERATOR_VERSION}.
 */
public final class RetailerGenerator {
    /** Version of the generator's logic; bump whenever the same seed would produce different output. */
    public static final String GENERATOR_VERSION = "1.3.0";
    /** Zone of the stores' local times. */
    public static final ZoneId TIME_ZONE = ZoneId.of("Europe/Amsterdam");

    private final GeneratorSettings settings;
    private final Progress progress;

    public RetailerGenerator(GeneratorSettings settings, Progress progress) {
        this.settings = settings;
        this.progress = progress;
    }

    /** Generates the data set and returns its manifest. */
    public Manifest generate() {
        Preset preset = settings.preset();
        LocalDate asOf = settings.asOf();
        LocalDate historyStart = asOf.minusDays(preset.historyDays());
        LocalDate posStart = asOf.minusDays(preset.posDays());
        Rng root = new Rng(settings.seed());
        DatasetWriter writer = new DatasetWriter(settings.out(), settings.gzip());
        removeOldPdfs();

        Retailer retailer = new MasterDataGenerator(preset, asOf, root.child("master")).generate();
        writeAll(writer, DataFiles.REGIONS, retailer.regions);
        writeAll(writer, DataFiles.STORES, retailer.stores);
        writeAll(writer, DataFiles.USERS, retailer.users);
        writeAll(writer, DataFiles.SUPPLIERS, retailer.suppliers);
        writeAll(writer, DataFiles.ITEMS, retailer.items);
        writeAll(writer, DataFiles.CASHIERS, retailer.cashiers);

        try (DatasetWriter.Sink<IntegrationMessage> messages = writer.open(DataFiles.INTEGRATION_MESSAGES);
                DatasetWriter.Sink<ApprovalRequest> approvalSink = writer.open(DataFiles.APPROVAL_REQUESTS);
                DatasetWriter.Sink<DocumentLabel> documentLabels = writer.open(DataFiles.DOCUMENT_LABELS)) {
            IntegrationTraffic traffic = new IntegrationTraffic(messages, asOf);
            ApprovalGenerator approvals = new ApprovalGenerator(retailer, approvalSink, asOf);
            DocumentSink documents = settings.pdfs() == GeneratorSettings.PdfMode.NONE ? DocumentSink.none()
                    : new PdfDocuments(settings.out(), settings.pdfs() == GeneratorSettings.PdfMode.ALL,
                            settings.pdfsPerLayout(), retailer::supplier, retailer::store, documentLabels::write);
            InvoiceNumbers numbers = new InvoiceNumbers();
            SupplierAccounts accounts = new SupplierAccounts(asOf);
            procurement(writer, retailer, preset, asOf, historyStart, root, traffic, approvals, documents, accounts,
                    numbers);
            try (var expenses = writer.open(DataFiles.EXPENSE_INVOICES)) {
                new ExpenseGenerator(retailer, preset, asOf, expenses, approvals, documents, numbers)
                        .run(historyStart, root.child("expenses"));
            }
            approvals.stockAdjustments(historyStart, asOf, root.child("adjustments"));
            try (var statements = writer.open(DataFiles.SUPPLIER_STATEMENTS);
                    var reminders = writer.open(DataFiles.PAYMENT_REMINDERS)) {
                accounts.write(retailer.merchandiseSuppliers, statements, reminders, documents,
                        root.child("accounts"));
            }
            pos(writer, retailer, preset, posStart, asOf, root.child("pos"));
            storeFlows(retailer, asOf, traffic, root.child("store-flows"));
            if (documents instanceof PdfDocuments pdfs) {
                writer.count("pdfs", pdfs.rendered());
            } else {
                writer.count("pdfs", 0);
            }
        }
        Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, GENERATOR_VERSION, preset.name(), settings.seed(),
                asOf, historyStart, posStart, TIME_ZONE.getId(), MasterDataGenerator.BASE_CURRENCY, settings.gzip(),
                writer.counts());
        writer.writeManifest(manifest);
        return manifest;
    }

    /** PDFs of an earlier run in the same folder would otherwise linger next to the new data set. */
    private void removeOldPdfs() {
        java.nio.file.Path dir = settings.out().resolve(io.backroom.sampledata.io.DataFiles.PDFS_DIR);
        if (!java.nio.file.Files.isDirectory(dir)) {
            return;
        }
        try (var files = java.nio.file.Files.list(dir)) {
            for (java.nio.file.Path p : files.filter(f -> f.getFileName().toString().endsWith(".pdf")).toList()) {
                java.nio.file.Files.delete(p);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("Cannot clear old PDFs in " + dir, e);
        }
    }

    private static <T> void writeAll(DatasetWriter writer, EntityFile<T> file, List<T> records) {
        try (DatasetWriter.Sink<T> sink = writer.open(file)) {
            records.forEach(sink::write);
        }
    }

    private void procurement(DatasetWriter writer, Retailer retailer, Preset preset, LocalDate asOf,
            LocalDate historyStart, Rng root, IntegrationTraffic traffic, ApprovalGenerator approvals,
            DocumentSink documents, SupplierAccounts accounts, InvoiceNumbers numbers) {
        try (var orders = writer.open(DataFiles.PURCHASE_ORDERS);
                var receipts = writer.open(DataFiles.GOODS_RECEIPTS);
                var invoices = writer.open(DataFiles.INVOICES);
                var credits = writer.open(DataFiles.CREDIT_NOTES);
                var history = writer.open(DataFiles.EXCEPTION_HISTORY);
                var labels = writer.open(DataFiles.INVOICE_LABELS)) {
            var sinks = new ProcurementGenerator.Sinks(orders, receipts, invoices, credits, history, labels);
            new ProcurementGenerator(retailer, preset, asOf, sinks, traffic, approvals, documents, accounts, numbers)
                    .run(historyStart, root.child("procurement"), progress);
        }
    }

    /** Stores with POS journals: spread evenly over the store list (and so over regions and tiers). */
    static List<Store> posStores(Retailer retailer, Preset preset) {
        List<Store> all = retailer.stores;
        int n = Math.min(preset.posStores(), all.size());
        List<Store> chosen = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            chosen.add(all.get((int) ((long) i * all.size() / n)));
        }
        return chosen;
    }

    private void pos(DatasetWriter writer, Retailer retailer, Preset preset, LocalDate from, LocalDate until, Rng rng) {
        List<Store> stores = posStores(retailer, preset);
        Map<String, FraudPattern> fraudsters = PosGenerator.chooseFraudsters(retailer, stores, rng.child("fraudsters"));
        PosGenerator generator = new PosGenerator(retailer, TIME_ZONE, from, until, fraudsters);
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread t = new Thread(runnable, "pos-generator");
            t.setDaemon(true);
            return t;
        });
        try (DatasetWriter.Sink<CashierShift> shifts = writer.open(DataFiles.CASHIER_SHIFTS);
                DatasetWriter.Sink<PosTransaction> transactions = writer.open(DataFiles.POS_TRANSACTIONS);
                DatasetWriter.Sink<ShiftLabel> shiftLabels = writer.open(DataFiles.SHIFT_LABELS);
                DatasetWriter.Sink<TransactionLabel> txLabels = writer.open(DataFiles.TRANSACTION_LABELS)) {
            ArrayDeque<Future<PosGenerator.StoreJournal>> window = new ArrayDeque<>();
            int submitted = 0;
            int done = 0;
            while (done < stores.size()) {
                while (submitted < stores.size() && window.size() < threads * 2) {
                    Store store = stores.get(submitted++);
                    window.add(pool.submit(() -> generator.store(store, rng.child(store.id()))));
                }
                PosGenerator.StoreJournal journal = window.removeFirst().get();
                journal.shifts().forEach(shifts::write);
                journal.transactions().forEach(transactions::write);
                journal.shiftLabels().forEach(shiftLabels::write);
                journal.transactionLabels().forEach(txLabels::write);
                progress.report("POS journals (stores)", ++done, stores.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while generating POS journals", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("POS generation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Daily sales batches from every store and price updates to every store, for the last 30 days. */
    private static void storeFlows(Retailer retailer, LocalDate asOf, IntegrationTraffic traffic, Rng rng) {
        for (Store store : retailer.stores) {
            Rng r = rng.child(store.id());
            for (LocalDate day = asOf.minusDays(30); day.isBefore(asOf); day = day.plusDays(1)) {
                var midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
                traffic.emit(IntegrationFlow.POS_SALES_TO_ERP, store.id() + "/" + day,
                        midnight.plus(Duration.ofHours(22)).plusSeconds(r.between(0, 5400)), r);
                traffic.emit(IntegrationFlow.ERP_PRICES_TO_POS, store.id() + "/" + day,
                        midnight.plus(Duration.ofHours(4)).plusSeconds(r.between(0, 1800)), r);
            }
        }
    }
}
