package io.backroom.sampledata.pdf;

import io.backroom.sampledata.model.Charge;
import io.backroom.sampledata.model.CreditNote;
import io.backroom.sampledata.model.ExpenseInvoice;
import io.backroom.sampledata.model.Invoice;
import io.backroom.sampledata.model.InvoiceLine;
import io.backroom.sampledata.model.PaymentTerms;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What an invoice-like document prints, independent of its layout. */
record DocView(String number, LocalDate date, LocalDate due, String poReference, String storeId, String currency,
        List<Row> rows, List<Charge> charges, BigDecimal subtotal, BigDecimal taxRate, BigDecimal tax,
        BigDecimal total, PaymentTerms terms) {

    /** One printed line. */
    record Row(String code, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
            BigDecimal taxRate, BigDecimal amount) {
    }

    static DocView of(Invoice i) {
        return new DocView(i.invoiceNumber(), i.invoiceDate(), i.dueDate(), i.poReference(), i.storeId(),
                i.currency(), rows(i.lines()), i.charges(), i.subtotal(), rate(i.lines()), i.taxAmount(), i.total(),
                i.paymentTerms());
    }

    static DocView of(CreditNote c) {
        return new DocView(c.creditNoteNumber(), c.issueDate(), null, c.poReference(), null, c.currency(),
                rows(c.lines()), List.of(), c.subtotal(), rate(c.lines()), c.taxAmount(), c.total(), null);
    }

    static DocView of(ExpenseInvoice e, PaymentTerms terms) {
        Row row = new Row(e.glCategory().substring(0, Math.min(4, e.glCategory().length())), e.description(),
                BigDecimal.ONE, "", e.netAmount(), e.taxRate(), e.netAmount());
        return new DocView(e.invoiceNumber(), e.invoiceDate(), e.dueDate(), null, e.storeId(), e.currency(),
                List.of(row), List.of(), e.netAmount(), e.taxRate(), e.taxAmount(), e.total(), terms);
    }

    private static List<Row> rows(List<InvoiceLine> lines) {
        List<Row> rows = new ArrayList<>();
        for (InvoiceLine l : lines) {
            rows.add(new Row(l.supplierSku() == null ? "" : l.supplierSku(), l.description(), l.quantity(),
                    l.unit() == null ? "" : l.unit(), l.unitPrice(), l.taxRate(), l.netAmount()));
        }
        return rows;
    }

    private static BigDecimal rate(List<InvoiceLine> lines) {
        return lines.isEmpty() ? BigDecimal.ZERO : lines.get(0).taxRate();
    }
}
