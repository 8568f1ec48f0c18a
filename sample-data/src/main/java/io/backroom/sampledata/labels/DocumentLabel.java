package io.backroom.sampledata.labels;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Ground truth of one rendered PDF: its layout (for leave-one-layout-out evaluation) and the true values of the
 * fields a document reader should extract. Fields that a document does not carry are {@code null}.
 *
 * @param file path relative to the data set root, e.g. {@code pdfs/INV-000123.pdf}
 * @param documentType {@code INVOICE}, {@code CREDIT_NOTE}, {@code EXPENSE_INVOICE}, {@code STATEMENT} or
 *     {@code REMINDER}
 * @param documentId id of the record in the data files
 */
public record DocumentLabel(String file, String documentType, String documentId, String layout, String language,
        int pages, String supplierId, String documentNumber, LocalDate documentDate, LocalDate dueDate,
        String poReference, String currency, BigDecimal subtotal, BigDecimal taxAmount, BigDecimal total) {
}
