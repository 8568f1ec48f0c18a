package io.backroom.sampledata.generator;

import io.backroom.sampledata.pdf.DocumentSink;

import io.backroom.sampledata.io.DatasetWriter;
import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.PaymentReminder;
import io.backroom.sampledata.model.StatementEntry;
import io.backroom.sampledata.model.Supplier;
import io.backroom.sampledata.model.SupplierStatement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suppliers' view of their accounts: which documents they consider open, from which month-end statements
 * and payment reminders are produced. Only documents of the last {@value #WINDOW_DAYS} days are kept.
 */
final class SupplierAccounts {
    static final int WINDOW_DAYS = 120;

    private record Entry(StatementEntry entry, LocalDate settledOn) {
    }

    private final LocalDate asOf;
    private final Map<String, List<Entry>> bySupplier = new HashMap<>();

    SupplierAccounts(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** Records an invoice; {@code settledOn} is when it left the supplier's open items (paid or rejected). */
    void invoice(Invoice invoice, LocalDate settledOn) {
        if (invoice.invoiceDate().isBefore(asOf.minusDays(WINDOW_DAYS))) {
            return;
        }
        bySupplier.computeIfAbsent(invoice.supplierId(), k -> new ArrayList<>()).add(new Entry(new StatementEntry(
                invoice.invoiceNumber(), "INVOICE", invoice.invoiceDate(), invoice.dueDate(), invoice.total()),
                settledOn));
    }

    /** Records a credit note; it stays open until set off, 30 days later. */
    void creditNote(CreditNote note) {
        bySupplier.computeIfAbsent(note.supplierId(), k -> new ArrayList<>()).add(new Entry(new StatementEntry(
                note.creditNoteNumber(), "CREDIT_NOTE", note.issueDate(), note.issueDate(), note.total().negate()),
                note.issueDate().plusDays(30)));
    }

    /** Writes month-end statements for the suppliers that send them, and reminders for overdue invoices. */
    void write(List<Supplier> suppliers, DatasetWriter.Sink<SupplierStatement> statements,
            DatasetWriter.Sink<PaymentReminder> reminders, DocumentSink documents, Rng rng) {
        LocalDate statementDate = asOf.withDayOfMonth(1).minusDays(1);
        long statementSeq = 0;
        long reminderSeq = 0;
        for (Supplier supplier : suppliers) {
            List<Entry> entries = bySupplier.get(supplier.id());
            if (entries == null) {
                continue;
            }
            Rng r = rng.child(supplier.id());
            if (r.chance(0.4)) {
                List<StatementEntry> open = new ArrayList<>();
                BigDecimal balance = Money.ZERO;
                for (Entry e : entries) {
                    if (!e.entry().documentDate().isAfter(statementDate)
                            && (e.settledOn() == null || e.settledOn().isAfter(statementDate))) {
                        open.add(e.entry());
                        balance = balance.add(e.entry().amount());
                    }
                }
                if (!open.isEmpty()) {
                    SupplierStatement st = new SupplierStatement(String.format(Locale.ROOT, "STM-%06d", ++statementSeq),
                            supplier.id(), statementDate, supplier.currency(), List.copyOf(open), balance, null);
                    String pdf = documents.statement(st);
                    statements.write(pdf == null ? st : new SupplierStatement(st.id(), st.supplierId(),
                            st.statementDate(), st.currency(), st.entries(), st.balance(), pdf));
                }
            }
            if (r.chance(0.6)) {
                for (Entry e : entries) {
                    StatementEntry item = e.entry();
                    if (!"INVOICE".equals(item.documentType())) {
                        continue;
                    }
                    int level = 0;
                    for (int days : new int[] {7, 21, 35}) {
                        LocalDate when = item.dueDate().plusDays(days);
                        if (!when.isBefore(asOf) || (e.settledOn() != null && !e.settledOn().isAfter(when))) {
                            break;
                        }
                        level++;
                        BigDecimal fee = level == 1 ? Money.ZERO : Money.cents(level == 2 ? 15 : 40);
                        PaymentReminder rem = new PaymentReminder(String.format(Locale.ROOT, "REM-%06d", ++reminderSeq),
                                supplier.id(), when, level, supplier.currency(), List.of(item), item.amount(), fee, null);
                        String pdf = documents.reminder(rem);
                        reminders.write(pdf == null ? rem : new PaymentReminder(rem.id(), rem.supplierId(),
                                rem.reminderDate(), rem.level(), rem.currency(), rem.overdueItems(),
                                rem.overdueAmount(), rem.fee(), pdf));
                    }
                }
            }
        }
    }
}
