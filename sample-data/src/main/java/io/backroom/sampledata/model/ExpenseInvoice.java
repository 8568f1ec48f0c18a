package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A non-PO invoice for services (utilities, maintenance, cleaning, ...), coded to a general-ledger category.
 *
 * @param glCategory e.g. {@code UTILITIES}; {@code glAccount} its account number
 */
public record ExpenseInvoice(String id, String invoiceNumber, String supplierId, String storeId,
        String glCategory, String glAccount, String description, LocalDate invoiceDate, LocalDate receivedOn,
        LocalDate dueDate, String currency, BigDecimal netAmount, BigDecimal taxRate, BigDecimal taxAmount,
        BigDecimal total, String pdfFile) {
}
