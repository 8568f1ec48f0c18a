package io.backroom.sampledata.pdf;

import io.backroom.sampledata.io.DataFiles;
import io.backroom.sampledata.labels.DocumentLabel;
import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.ExpenseInvoice;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.PaymentReminder;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierStatement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The generator's {@link DocumentSink} that renders PDFs into {@code pdfs/} and records their ground truth. In
 * sample mode only the first {@code perLayout} documents of each document type and layout are rendered (open
 * invoices only, so that the live AP queue has documents to show).
 */
public final class PdfDocuments implements DocumentSink {
    private final Path pdfDir;
    private final boolean all;
    private final int perLayout;
    private final DocumentRenderer renderer;
    private final Function<String, Supplier> suppliers;
    private final Consumer<DocumentLabel> labels;
    private final Map<String, Integer> perKey = new HashMap<>();
    private long rendered;
    private long pages;

    public PdfDocuments(Path root, boolean all, int perLayout, Function<String, Supplier> suppliers,
            Function<String, Store> stores, Consumer<DocumentLabel> labels) {
        this.pdfDir = root.resolve(DataFiles.PDFS_DIR);
        this.all = all;
        this.perLayout = perLayout;
        this.suppliers = suppliers;
        this.renderer = new DocumentRenderer(suppliers, stores);
        this.labels = labels;
        try {
            Files.createDirectories(pdfDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + pdfDir, e);
        }
    }

    /** PDFs written so far. */
    public long rendered() {
        return rendered;
    }

    /** Pages written so far. */
    public long pages() {
        return pages;
    }

    private boolean wanted(String type, String layout, boolean eligible) {
        if (all) {
            return true;
        }
        if (!eligible) {
            return false;
        }
        String key = type + "/" + layout;
        int n = perKey.getOrDefault(key, 0);
        if (n >= perLayout) {
            return false;
        }
        perKey.put(key, n + 1);
        return true;
    }

    private String write(String id, RenderedDocument doc) {
        String relative = DataFiles.PDFS_DIR + "/" + id + ".pdf";
        try {
            Files.write(pdfDir.resolve(id + ".pdf"), doc.pdf());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + relative, e);
        }
        rendered++;
        pages += doc.pages();
        return relative;
    }

    @Override
    public String invoice(Invoice invoice) {
        Supplier s = suppliers.apply(invoice.supplierId());
        if (!wanted("INVOICE", InvoiceLayouts.layoutOf(s), "OPEN".equals(invoice.status()))) {
            return null;
        }
        RenderedDocument doc = renderer.invoice(invoice);
        String file = write(invoice.id(), doc);
        labels.accept(new DocumentLabel(file, "INVOICE", invoice.id(), doc.layout(), doc.language(), doc.pages(),
                invoice.supplierId(), invoice.invoiceNumber(), invoice.invoiceDate(), invoice.dueDate(),
                invoice.poReference(), invoice.currency(), invoice.subtotal(), invoice.taxAmount(), invoice.total()));
        return file;
    }

    @Override
    public String creditNote(CreditNote note) {
        Supplier s = suppliers.apply(note.supplierId());
        if (!wanted("CREDIT_NOTE", LetterRenderer.creditNoteLayout(s), true)) {
            return null;
        }
        RenderedDocument doc = renderer.creditNote(note);
        String file = write(note.id(), doc);
        labels.accept(new DocumentLabel(file, "CREDIT_NOTE", note.id(), doc.layout(), doc.language(), doc.pages(),
                note.supplierId(), note.creditNoteNumber(), note.issueDate(), null, note.poReference(),
                note.currency(), note.subtotal(), note.taxAmount(), note.total()));
        return file;
    }

    @Override
    public String expenseInvoice(ExpenseInvoice invoice) {
        Supplier s = suppliers.apply(invoice.supplierId());
        if (!wanted("EXPENSE_INVOICE", InvoiceLayouts.layoutOf(s), true)) {
            return null;
        }
        RenderedDocument doc = renderer.expenseInvoice(invoice);
        String file = write(invoice.id(), doc);
        labels.accept(new DocumentLabel(file, "EXPENSE_INVOICE", invoice.id(), doc.layout(), doc.language(),
                doc.pages(), invoice.supplierId(), invoice.invoiceNumber(), invoice.invoiceDate(), invoice.dueDate(),
                null, invoice.currency(), invoice.netAmount(), invoice.taxAmount(), invoice.total()));
        return file;
    }

    @Override
    public String statement(SupplierStatement statement) {
        Supplier s = suppliers.apply(statement.supplierId());
        if (!wanted("STATEMENT", LetterRenderer.statementLayout(s), true)) {
            return null;
        }
        RenderedDocument doc = renderer.statement(statement);
        String file = write(statement.id(), doc);
        labels.accept(new DocumentLabel(file, "STATEMENT", statement.id(), doc.layout(), doc.language(), doc.pages(),
                statement.supplierId(), null, statement.statementDate(), null, null, statement.currency(), null, null,
                statement.balance()));
        return file;
    }

    @Override
    public String reminder(PaymentReminder reminder) {
        Supplier s = suppliers.apply(reminder.supplierId());
        if (!wanted("REMINDER", LetterRenderer.reminderLayout(s), true)) {
            return null;
        }
        RenderedDocument doc = renderer.reminder(reminder);
        String file = write(reminder.id(), doc);
        labels.accept(new DocumentLabel(file, "REMINDER", reminder.id(), doc.layout(), doc.language(), doc.pages(),
                reminder.supplierId(), null, reminder.reminderDate(), null, null, reminder.currency(),
                reminder.overdueAmount(), reminder.fee(), reminder.overdueAmount().add(reminder.fee())));
        return file;
    }
}
