package io.backroom.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A row of {@code GET /api/v1/invoices}: enough to rank and show a queue without fetching each invoice. */
public record InvoiceSummary(String id, InvoiceKind kind, String invoiceNumber, String supplierId, String supplierName,
        String storeId, String poReference, LocalDate invoiceDate, LocalDate dueDate, LocalDate discountDate,
        Money total, InvoiceStatus status, List<HoldCode> holdCodes, String assigneeUserId, long version,
        Instant createdAt) {
    public InvoiceSummary {
        holdCodes = holdCodes == null ? List.of() : List.copyOf(holdCodes);
    }
}
