package io.backroom.sampledata.generator;

import io.backroom.sampledata.pdf.DocumentSink;

import io.backroom.sampledata.generator.Vocabulary.ExpenseCategory;
import io.backroom.sampledata.io.DatasetWriter;
import io.backroom.sampledata.model.ApprovalType;
import io.backroom.sampledata.model.ExpenseInvoice;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Non-PO expense invoices from service suppliers, coded to a GL category; large ones need an approval. */
final class ExpenseGenerator {
    /** Fixed month abbreviations: output must not depend on the JDK's locale data. */
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    private final Retailer retailer;
    private final Preset preset;
    private final LocalDate asOf;
    private final DatasetWriter.Sink<ExpenseInvoice> sink;
    private final ApprovalGenerator approvals;
    private final DocumentSink documents;
    private final InvoiceNumbers numbers;
    private long sequence;

    ExpenseGenerator(Retailer retailer, Preset preset, LocalDate asOf, DatasetWriter.Sink<ExpenseInvoice> sink,
            ApprovalGenerator approvals, DocumentSink documents, InvoiceNumbers numbers) {
        this.retailer = retailer;
        this.preset = preset;
        this.asOf = asOf;
        this.sink = sink;
        this.approvals = approvals;
        this.documents = documents;
        this.numbers = numbers;
    }

    void run(LocalDate from, Rng rng) {
        List<List<Supplier>> byCategory = new ArrayList<>();
        for (ExpenseCategory c : Vocabulary.EXPENSES) {
            List<Supplier> list = new ArrayList<>();
            for (Supplier s : retailer.serviceSuppliers) {
                if (c.name().equals(retailer.serviceCategoryBySupplier.get(s.id()))) {
                    list.add(s);
                }
            }
            byCategory.add(list);
        }
        for (LocalDate day = from; day.isBefore(asOf); day = day.plusDays(1)) {
            Rng dr = rng.child("day", day.toEpochDay());
            for (int c = 0; c < Vocabulary.EXPENSES.size(); c++) {
                ExpenseCategory category = Vocabulary.EXPENSES.get(c);
                if (byCategory.get(c).isEmpty()) {
                    continue;
                }
                double perDay = retailer.stores.size() * category.perStorePerMonth() * preset.expenseScale() / 30.0;
                int n = dr.poisson(perDay);
                for (int i = 0; i < n; i++) {
                    expense(day, category, byCategory.get(c), dr.child(category.name(), i));
                }
            }
        }
    }

    private void expense(LocalDate day, ExpenseCategory category, List<Supplier> suppliers, Rng r) {
        Supplier supplier = r.pick(suppliers);
        Store store = r.pick(retailer.stores);
        LocalDate received = day.plusDays(r.between(0, 4));
        if (!received.isBefore(asOf)) {
            return;
        }
        double median = Math.sqrt(category.minNet() * category.maxNet());
        double tierScale = 0.6 + 0.35 * store.sizeTier().ordinal();
        double net = Math.max(category.minNet(), Math.min(category.maxNet() * 1.5, r.logNormal(median * tierScale * 0.6,
                0.6)));
        BigDecimal netAmount = Money.cents(net);
        BigDecimal rate = supplier.taxRate();
        BigDecimal tax = Money.percentOf(netAmount, rate);
        String description = r.pick(category.descriptions()) + " " + store.name() + " "
                + MONTHS.get(day.getMonthValue() - 1) + " "
                + day.getYear();
        String id = String.format(Locale.ROOT, "EXP-%07d", ++sequence);
        BigDecimal eur = ApprovalGenerator.toEur(netAmount.add(tax), supplier.currency());
        if (eur.doubleValue() > ApprovalGenerator.EXPENSE_THRESHOLD) {
            approvals.request(ApprovalType.STORE_EXPENSE, store, retailer.storeManagerByStore.get(store.id()).id(), eur,
                    category.name().charAt(0) + category.name().substring(1).toLowerCase(Locale.ROOT) + ": "
                            + description, id,
                    received.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                            .plus(Duration.ofMinutes(r.between(420, 1140))), r);
        }
        ExpenseInvoice invoice = new ExpenseInvoice(id, numbers.next(supplier, day), supplier.id(), store.id(),
                category.name(), category.glAccount(), description, day, received,
                day.plusDays(supplier.paymentTerms().netDays()), supplier.currency(), netAmount, rate, tax,
                netAmount.add(tax), null);
        String pdf = documents.expenseInvoice(invoice);
        if (pdf != null) {
            invoice = new ExpenseInvoice(invoice.id(), invoice.invoiceNumber(), invoice.supplierId(), invoice.storeId(),
                    invoice.glCategory(), invoice.glAccount(), invoice.description(), invoice.invoiceDate(),
                    invoice.receivedOn(), invoice.dueDate(), invoice.currency(), invoice.netAmount(), invoice.taxRate(),
                    invoice.taxAmount(), invoice.total(), pdf);
        }
        sink.write(invoice);
    }
}
