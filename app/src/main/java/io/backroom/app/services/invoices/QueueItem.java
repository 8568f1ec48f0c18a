package io.backroom.app.services.invoices;

import io.backroom.api.model.HoldCode;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A held invoice in the clerk's queue, with its priority and the reason for it.
 *
 * @param priority       higher comes first
 * @param priorityReason why it ranks where it does, in words (shown on hover)
 * @param ageDays        days since the invoice was received
 */
public record QueueItem(String id, String invoiceNumber, String supplierId, String supplierName, String storeId,
                        Money total, List<HoldCode> holdCodes, InvoiceStatus status, LocalDate dueDate,
                        LocalDate discountDate, long ageDays, long version, BigDecimal priority,
                        String priorityReason) {
    public QueueItem {
        holdCodes = List.copyOf(holdCodes);
    }
}
