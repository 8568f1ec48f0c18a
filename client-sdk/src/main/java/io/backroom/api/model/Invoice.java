package io.backroom.api.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A supplier invoice or credit note with its three-way match, holds and history, as returned by
 * {@code GET /api/v1/invoices/{id}}.
 *
 * @param subtotal            sum of line net amounts plus charges
 * @param computedTax         the tax the match computed from the lines' rates
 * @param discountDate        last day to pay and still take the early-payment discount; {@code null} if none
 * @param assigneeUserId      the buyer it was routed to, if any
 * @param enteredBy           user who sent it in
 * @param editedBy            users who changed it since
 * @param hasDocument         whether the supplier's PDF is attached
 * @param version             optimistic-concurrency version: send it as {@code If-Match} on writes
 */
public record Invoice(String id, InvoiceKind kind, String invoiceNumber, String supplierId, String supplierName,
        String poReference, String storeId, LocalDate invoiceDate, LocalDate receivedOn, LocalDate dueDate,
        LocalDate discountDate, String currency, InvoiceStatus status, List<InvoiceLine> lines, List<Charge> charges,
        Money subtotal, Money taxAmount, Money computedTax, Money total, List<Hold> holds, String assigneeUserId,
        String creditedInvoiceId, String enteredBy, List<String> editedBy, boolean hasDocument, Posting posting,
        List<HistoryEntry> history, long version, Instant createdAt, Instant updatedAt) {
    public Invoice {
        lines = lines == null ? List.of() : List.copyOf(lines);
        charges = charges == null ? List.of() : List.copyOf(charges);
        holds = holds == null ? List.of() : List.copyOf(holds);
        editedBy = editedBy == null ? List.of() : List.copyOf(editedBy);
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The codes of the holds still open. */
    public List<HoldCode> openHoldCodes() {
        return holds.stream().filter(h -> h.status() == HoldStatus.OPEN).map(Hold::code).toList();
    }
}
