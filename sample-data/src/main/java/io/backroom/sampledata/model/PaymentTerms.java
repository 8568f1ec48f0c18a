package io.backroom.sampledata.model;

import java.math.BigDecimal;

/**
 * Supplier payment terms such as {@code 2/10 NET 30}: pay within {@code netDays} of the invoice date, or within
 * {@code discountDays} and deduct {@code discountPercent} percent. A zero discount means no early-payment discount.
 */
public record PaymentTerms(String code, int netDays, BigDecimal discountPercent, int discountDays) {
    /** Whether paying early earns a discount. */
    public boolean hasEarlyPaymentDiscount() {
        return discountPercent.signum() > 0 && discountDays > 0;
    }
}
