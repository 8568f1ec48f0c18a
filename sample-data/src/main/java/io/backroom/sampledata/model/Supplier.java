package io.backroom.sampledata.model;

import java.math.BigDecimal;

/**
 * A supplier of merchandise (invoices against POs) or of services (non-PO expense invoices).
 *
 * @param country ISO 3166 alpha-2 code
 * @param language ISO 639-1 code of the language its documents are written in
 * @param currency ISO 4217 code it invoices in
 * @param taxRate the VAT/sales-tax rate it normally charges, in percent
 * @param reliability share of deliveries on time and complete, 0..1
 * @param risk {@code LOW}, {@code MEDIUM} or {@code HIGH}
 * @param toleranceOverride {@code null} when the default match tolerances apply
 */
public record Supplier(String id, String name, SupplierKind kind, String country, String language,
        String currency, String vatNumber, String iban, String street, String city, String postalCode,
        PaymentTerms paymentTerms, BigDecimal taxRate, BigDecimal reliability, String risk, boolean blocked,
        ToleranceOverride toleranceOverride) {
}
