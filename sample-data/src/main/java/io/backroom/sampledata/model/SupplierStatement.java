package io.backroom.sampledata.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A supplier's account statement listing what it believes is open. */
public record SupplierStatement(String id, String supplierId, LocalDate statementDate, String currency,
        List<StatementEntry> entries, BigDecimal balance, String pdfFile) {
}
