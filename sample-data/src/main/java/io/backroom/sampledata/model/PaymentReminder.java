package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A dunning letter for overdue invoices; {@code level} 1 is a friendly reminder, 3 a final notice. */
public record PaymentReminder(String id, String supplierId, LocalDate reminderDate, int level, String currency,
        List<StatementEntry> overdueItems, BigDecimal overdueAmount, BigDecimal fee, String pdfFile) {
}
