package io.backroom.ml.documents;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The header fields read from a supplier document; any field not found is {@code null}.
 *
 * @param supplierName   the issuing company as printed
 * @param documentNumber the invoice (credit note, statement...) number as printed
 * @param documentDate   the invoice date
 * @param dueDate        the payment due date
 * @param poReference    the purchase-order number quoted by the supplier
 * @param currency       ISO 4217 code
 * @param subtotal       the net amount
 * @param taxAmount      the tax amount
 * @param total          the amount payable (tax included)
 */
public record HeaderFields(String supplierName, String documentNumber, LocalDate documentDate, LocalDate dueDate,
                           String poReference, String currency, BigDecimal subtotal, BigDecimal taxAmount, BigDecimal total) {
}
