package io.backroom.gateway.ap;

import io.backroom.api.model.Charge;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.InvoiceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An invoice as stored, before holds, history and posting are attached. */
record InvoiceRow(String id, long seq, InvoiceKind kind, String invoiceNumber, String supplierId, String poReference,
        String storeId, LocalDate invoiceDate, LocalDate receivedOn, LocalDate dueDate, LocalDate discountDate,
        String currency, InvoiceStatus status, BigDecimal subtotal, BigDecimal taxAmount, BigDecimal computedTax,
        BigDecimal total, String assigneeUserId, String creditedInvoiceId, String enteredBy, List<String> editedBy,
        boolean hasDocument, List<InvoiceLine> lines, List<Charge> charges, long version, Instant createdAt,
        Instant updatedAt) {

    InvoiceRow withMatch(List<InvoiceLine> newLines, BigDecimal newComputedTax) {
        return new InvoiceRow(id, seq, kind, invoiceNumber, supplierId, poReference, storeId, invoiceDate, receivedOn,
                dueDate, discountDate, currency, status, subtotal, taxAmount, newComputedTax, total, assigneeUserId,
                creditedInvoiceId, enteredBy, editedBy, hasDocument, newLines, charges, version, createdAt, updatedAt);
    }

    /** The JSON-stored part of the row. */
    record Body(List<InvoiceLine> lines, List<Charge> charges) {
    }
}
