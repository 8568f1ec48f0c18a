package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One open item on a supplier statement; credits carry a negative amount. */
public record StatementEntry(String documentNumber, String documentType, LocalDate documentDate,
        LocalDate dueDate, BigDecimal amount) {
}
