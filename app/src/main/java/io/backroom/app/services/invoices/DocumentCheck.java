package io.backroom.app.services.invoices;

import io.backroom.api.model.Invoice;
import io.backroom.api.InvoiceNumbers;
import io.backroom.api.model.Money;
import io.backroom.app.services.audit.AuditLog;
import io.backroom.app.services.audit.ModelOutputShown;
import io.backroom.app.services.models.LocalModels;
import io.backroom.app.tasks.BlockingWorkGuard;
import io.backroom.ml.documents.DocumentReader;
import io.backroom.ml.documents.DocumentResult;
import io.backroom.ml.documents.HeaderFields;
import io.backroom.ml.explain.Reason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the supplier's PDF with the local document reader and sets its header fields beside the ERP's: invoice
 * number, dates, PO, currency and amounts, each marked where the two disagree (the clerk's first check that the
 * invoice keyed into the ERP is the one the supplier sent). Slow (PDFBox): never on the UI thread.
 */
public final class DocumentCheck {
    private final LocalModels models;
    private final AuditLog audit;
    private final Set<String> audited = ConcurrentHashMap.newKeySet();

    public DocumentCheck(LocalModels models, AuditLog audit) {
        this.models = models;
        this.audit = audit;
    }

    /**
     * One header field as the PDF and the ERP have it.
     *
     * @param field  its name in words
     * @param pdf    what the reader found in the PDF ("" when it found nothing)
     * @param erp    what the ERP holds
     * @param agrees whether they agree (a field the reader did not find is not a disagreement)
     */
    public record Field(String field, String pdf, String erp, boolean agrees) {
    }

    /**
     * The outcome.
     *
     * @param summary in words: how many fields differ, or why the PDF could not be read
     * @param fields  the fields, empty when the PDF could not be read
     */
    public record Result(String summary, List<Field> fields) {
        public Result {
            fields = List.copyOf(fields);
        }

        /** How many fields disagree. */
        public long differences() {
            return fields.stream().filter(f -> !f.agrees()).count();
        }
    }

    /** Reads {@code pdf} and compares it with {@code invoice}; records the reading as a model output {@code user} saw. */
    public Result compare(Invoice invoice, byte[] pdf, String user) {
        BlockingWorkGuard.check("Reading the supplier's PDF");
        var reader = models.documentReader();
        if (reader.isEmpty()) {
            return new Result("The document reader is not available, so the PDF's fields are not compared.", List.of());
        }
        DocumentResult read = reader.get().read(invoice.invoiceNumber() + ".pdf", pdf);
        if (read.status() != DocumentResult.Status.OK || read.fields() == null) {
            return new Result("The PDF's fields could not be read: " + read.message(), List.of());
        }
        HeaderFields h = read.fields();
        List<Field> fields = new ArrayList<>();
        fields.add(text("Invoice number", h.documentNumber(), invoice.invoiceNumber()));
        fields.add(date("Invoice date", h.documentDate(), invoice.invoiceDate()));
        fields.add(date("Due date", h.dueDate(), invoice.dueDate()));
        fields.add(text("PO", h.poReference(), invoice.poReference()));
        fields.add(text("Currency", h.currency(), invoice.currency()));
        fields.add(amount("Subtotal", h.subtotal(), invoice.subtotal()));
        fields.add(amount("Tax", h.taxAmount(), invoice.taxAmount()));
        fields.add(amount("Total", h.total(), invoice.total()));
        long differ = fields.stream().filter(f -> !f.agrees()).count();
        String summary = differ == 0 ? "The PDF agrees with the ERP on every field the reader found."
                : differ + (differ == 1 ? " field differs" : " fields differ") + " between the supplier's PDF and the ERP.";
        if (audited.add(invoice.id() + "|" + read.provenanceHash())) {
            audit.record(new ModelOutputShown(user, invoice.id(), DocumentReader.NAME, DocumentReader.VERSION,
                    null, read.provenanceHash(), read.documentType() + ", " + differ + " field(s) differ from the ERP",
                    BigDecimal.valueOf(Math.max(0, Math.min(1, read.typeConfidence()))).setScale(4, java.math.RoundingMode.HALF_UP),
                    read.reasons().stream().map(Reason::text).limit(3).toList()));
        }
        return new Result(summary, fields);
    }

    private static Field text(String name, String pdf, String erp) {
        boolean found = pdf != null && !pdf.isBlank();
        return new Field(name, found ? pdf : "", erp == null ? "" : erp, !found || norm(pdf).equals(norm(erp)));
    }

    private static Field date(String name, LocalDate pdf, LocalDate erp) {
        return new Field(name, pdf == null ? "" : pdf.toString(), erp == null ? "" : erp.toString(),
                pdf == null || pdf.equals(erp));
    }

    private static Field amount(String name, BigDecimal pdf, Money erp) {
        BigDecimal e = erp == null ? null : erp.amount();
        return new Field(name, pdf == null ? "" : pdf.toPlainString(), e == null ? "" : e.toPlainString(),
                pdf == null || e != null && pdf.subtract(e).abs().compareTo(new BigDecimal("0.005")) <= 0);
    }

    /** Case, spaces, dashes, slashes, dots and leading zeros do not make two references different. */
    static String norm(String s) {
        return InvoiceNumbers.normaliseReference(s);
    }
}
