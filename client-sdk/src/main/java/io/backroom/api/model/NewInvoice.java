package io.backroom.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * Body of {@code POST /api/v1/invoices}: a supplier invoice or credit note as the ERP or supplier portal sends it.
 *
 * @param id               optional; generated when omitted, otherwise unique
 * @param kind             {@code INVOICE} when omitted
 * @param poReference      the PO number the supplier quoted; an unknown or closed PO is held with {@code PO_INVALID}
 * @param creditedInvoiceId for a credit note: the invoice it credits
 * @param taxAmount        the tax as printed by the supplier
 * @param total            lines + charges + tax, as printed
 */
public record NewInvoice(String id, InvoiceKind kind, String invoiceNumber, String supplierId, String poReference,
        String storeId, LocalDate invoiceDate, LocalDate receivedOn, LocalDate dueDate, String currency,
        List<NewInvoiceLine> lines, List<Charge> charges, Money taxAmount, Money total, String creditedInvoiceId) {
}
