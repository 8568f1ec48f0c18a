package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A supplier credit note, usually answering a credit-memo request on one invoice; amounts are positive. */
public record CreditNote(String id, String creditNoteNumber, String supplierId, String invoiceId,
        String invoiceNumber, String poReference, LocalDate issueDate, String currency, String reason,
        List<InvoiceLine> lines, BigDecimal subtotal, BigDecimal taxAmount, BigDecimal total, String pdfFile) {
}
