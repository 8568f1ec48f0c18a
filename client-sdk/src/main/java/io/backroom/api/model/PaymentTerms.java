package io.backroom.api.model;

import java.math.BigDecimal;

/**
 * Payment terms such as {@code 2/10 NET 30}: pay within {@code netDays} of the invoice date, or within
 * {@code discountDays} and deduct {@code discountPercent} percent.
 */
public record PaymentTerms(String code, int netDays, BigDecimal discountPercent, int discountDays) {
}
