package io.backroom.sampledata.pdf;

import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.ExpenseInvoice;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.PaymentReminder;
import io.backroom.sampledata.model.Store;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierStatement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Renders supplier documents as the generator does: the same record always gives the same bytes. A supplier's
 * invoices use its layout ({@link InvoiceLayouts#layoutOf}); credit notes, statements and reminders have looks of
 * their own. Lookups resolve the supplier and delivery store of a document. Not thread-safe: use one instance per
 * thread. Close it to release the parsed fonts.
 *
 * <pre>{@code
 * try (DocumentRenderer renderer = new DocumentRenderer(suppliersById::get, storesById::get)) {
 *     byte[] pdf = renderer.invoice(invoice).pdf();
 * }
 * }</pre>
 */
public final class DocumentRenderer implements AutoCloseable {
    private final Fonts fonts = new Fonts();
    private final Function<String, Supplier> suppliers;
    private final Function<String, Store> stores;

    public DocumentRenderer(Function<String, Supplier> suppliers, Function<String, Store> stores) {
        this.suppliers = suppliers;
        this.stores = stores;
    }

    private Supplier supplier(String id) {
        Supplier s = suppliers.apply(id);
        if (s == null) {
            throw new IllegalArgumentException("Unknown supplier " + id);
        }
        return s;
    }

    /** A PO invoice in its supplier's layout. */
    public RenderedDocument invoice(Invoice invoice) {
        Supplier s = supplier(invoice.supplierId());
        InvoiceLayout layout = InvoiceLayouts.forSupplier(s);
        Store store = invoice.storeId() == null ? null : stores.apply(invoice.storeId());
        return render(invoice.id(), layout.id(), s.language(), doc -> new InvoiceRenderer(layout, DocView.of(invoice),
                s, Parties.shipTo(store, layout.language()), layout.word("title")).render(doc, fonts));
    }

    /** A non-PO expense invoice in its supplier's layout. */
    public RenderedDocument expenseInvoice(ExpenseInvoice invoice) {
        Supplier s = supplier(invoice.supplierId());
        InvoiceLayout layout = InvoiceLayouts.forSupplier(s);
        Store store = stores.apply(invoice.storeId());
        return render(invoice.id(), layout.id(), s.language(), doc -> new InvoiceRenderer(layout,
                DocView.of(invoice, s.paymentTerms()), s, Parties.shipTo(store, layout.language()),
                layout.word("title")).render(doc, fonts));
    }

    /** A credit note in the credit-note look. */
    public RenderedDocument creditNote(CreditNote note) {
        Supplier s = supplier(note.supplierId());
        return render(note.id(), LetterRenderer.creditNoteLayout(s), s.language(),
                doc -> new LetterRenderer(fonts, s).creditNote(doc, note));
    }

    /** A supplier statement. */
    public RenderedDocument statement(SupplierStatement statement) {
        Supplier s = supplier(statement.supplierId());
        return render(statement.id(), LetterRenderer.statementLayout(s), s.language(),
                doc -> new LetterRenderer(fonts, s).statement(doc, statement));
    }

    /** A payment reminder. */
    public RenderedDocument reminder(PaymentReminder reminder) {
        Supplier s = supplier(reminder.supplierId());
        return render(reminder.id(), LetterRenderer.reminderLayout(s), s.language(),
                doc -> new LetterRenderer(fonts, s).reminder(doc, reminder));
    }

    private static RenderedDocument render(String documentId, String layout, String language,
            ToIntFunction<PDDocument> drawer) {
        try (PDDocument doc = new PDDocument()) {
            int pages = drawer.applyAsInt(doc);
            byte[] id = documentIdBytes(documentId);
            COSArray ids = new COSArray();
            ids.add(new COSString(id));
            ids.add(new COSString(id));
            doc.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            doc.save(out);
            return new RenderedDocument(out.toByteArray(), layout, language, pages);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render document " + documentId, e);
        }
    }

    private static byte[] documentIdBytes(String documentId) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(documentId.getBytes(StandardCharsets.UTF_8));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }

    @Override
    public void close() {
        fonts.close();
    }
}
