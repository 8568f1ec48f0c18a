package io.backroom.api.model;

import java.util.List;

/**
 * Several full invoices, as {@code GET /api/v1/invoice-details} answers.
 *
 * @param items the invoices found, in the order asked for
 */
public record InvoiceBatch(List<Invoice> items) {
    public InvoiceBatch {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
