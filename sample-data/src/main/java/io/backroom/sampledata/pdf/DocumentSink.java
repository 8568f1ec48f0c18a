package io.backroom.sampledata.pdf;

import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.ExpenseInvoice;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.PaymentReminder;
import io.backroom.sampledata.model.SupplierStatement;

/**
 * Receives every document as it is generated and decides whether it gets a PDF. Each method returns the
 * relative PDF path to store in the record's {@code pdfFile}, or {@code null}. Called with {@code pdfFile == null}.
 */
public interface DocumentSink {
    String invoice(Invoice invoice);

    String creditNote(CreditNote creditNote);

    String expenseInvoice(ExpenseInvoice invoice);

    String statement(SupplierStatement statement);

    String reminder(PaymentReminder reminder);

    /** A sink that renders nothing. */
    static DocumentSink none() {
        return new DocumentSink() {
            @Override
            public String invoice(Invoice invoice) {
                return null;
            }

            @Override
            public String creditNote(CreditNote creditNote) {
                return null;
            }

            @Override
            public String expenseInvoice(ExpenseInvoice invoice) {
                return null;
            }

            @Override
            public String statement(SupplierStatement statement) {
                return null;
            }

            @Override
            public String reminder(PaymentReminder reminder) {
                return null;
            }
        };
    }
}
