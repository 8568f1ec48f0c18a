package io.backroom.api.model;

import java.math.BigDecimal;

/**
 * A supplier.
 *
 * @param kind     {@code MERCHANDISE} or {@code SERVICES}
 * @param country  ISO 3166 alpha-2 code
 * @param currency ISO 4217 code it invoices in
 * @param taxRate  the tax rate it normally charges, in percent
 * @param risk     {@code LOW}, {@code MEDIUM} or {@code HIGH}
 * @param blocked  whether payments to it are blocked; its invoices are held with {@code SUPPLIER_BLOCKED}
 */
public record Supplier(String id, String name, String kind, String country, String currency, PaymentTerms paymentTerms,
        BigDecimal taxRate, String risk, boolean blocked) {
}
