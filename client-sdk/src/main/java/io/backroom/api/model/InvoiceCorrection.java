package io.backroom.api.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A correction of a held invoice keyed wrongly into the ERP ({@code PATCH /api/v1/invoices/{id}}): only the fields
 * given change; the invoice is matched again. Whoever corrects an invoice may not release it afterwards (separation
 * of duties), and a correction never releases it by itself.
 *
 * @param reason        why it is corrected, required (for example "PO number keyed as PO-2026-00930")
 * @param invoiceNumber the supplier's invoice number, or null to keep it
 * @param poReference   the purchase order it refers to, or null to keep it
 * @param dueDate       the due date, or null to keep it
 * @param lines         corrections of individual lines, or null / empty for none
 * @param taxAmount     the printed tax, or null to keep it
 * @param total         the printed total, or null to keep it
 */
public record InvoiceCorrection(String reason, String invoiceNumber, String poReference, LocalDate dueDate,
                                List<LineCorrection> lines, Money taxAmount, Money total) {
    public InvoiceCorrection {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
