package io.backroom.sampledata.labels;

import io.backroom.sampledata.model.Decision;
import java.util.List;

/**
 * Ground truth for one PO invoice (one row for every invoice in {@code invoices.jsonl}).
 *
 * @param lineNos the invoice lines affected; empty for header-level problems
 * @param resolution the correct action; {@code RELEASE} for clean invoices
 * @param duplicateOfInvoiceId for a duplicate, the invoice it repeats
 */
public record InvoiceLabel(String invoiceId, InvoiceProblem problem, RootCause rootCause, Decision resolution,
        List<Integer> lineNos, String duplicateOfInvoiceId, String detail) {
}
