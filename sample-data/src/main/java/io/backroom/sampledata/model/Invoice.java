package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A supplier invoice against a purchase order, as entered from the supplier's document.
 *
 * @param id internal document id, unique
 * @param invoiceNumber the supplier's own number as printed (duplicates may reuse or re-format it)
 * @param poReference the PO number the supplier quoted; may name an unknown or closed PO
 * @param receivedOn the day accounts payable received the invoice
 * @param subtotal sum of line net amounts plus charges
 * @param taxAmount tax as printed by the supplier (may be wrong: that is a tax error)
 * @param total subtotal + taxAmount
 * @param status {@code OPEN}: received in the last days before the as-of date and not yet processed, the live
 *     AP queue a server should run its three-way match on; {@code CLOSED}: processed before the as-of date
 *     (released and paid, or resolved as {@code exception-history} records)
 * @param pdfFile path of its rendered PDF relative to the data set root, or {@code null} if not rendered
 */
public record Invoice(String id, String invoiceNumber, String supplierId, String poReference, String storeId,
        LocalDate invoiceDate, LocalDate receivedOn, LocalDate dueDate, String currency, PaymentTerms paymentTerms,
        List<InvoiceLine> lines, List<Charge> charges, BigDecimal subtotal, BigDecimal taxAmount, BigDecimal total,
        String status, String pdfFile) {
}
