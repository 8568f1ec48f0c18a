package io.backroom.app.services.invoices;

import io.backroom.api.model.InvoiceSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Ranks the held-invoice queue. The learned prioritiser of {@code ml-models} plugs in here; until
 * it ships, {@link #moneyAtRisk()} ranks by a documented blend a clerk can check by hand.
 */
@FunctionalInterface
public interface Prioritiser {

    /** The score (higher first) and its reason for one held invoice, as of {@code today}. */
    Ranked rank(InvoiceSummary invoice, LocalDate today);

    /**
     * @param score  higher comes first
     * @param reason in words, for example "1,240.00 EUR; discount ends in 2 days"
     */
    record Ranked(BigDecimal score, String reason) {
    }

    /**
     * Money at risk weighted by urgency: {@code total x (1 + 10 / (1 + days to the nearest
     * deadline))}, where the deadline is the early-payment discount date while it is open, else the
     * due date; an overdue invoice counts as 0 days.
     */
    static Prioritiser moneyAtRisk() {
        return (invoice, today) -> {
            BigDecimal total = invoice.total() == null ? BigDecimal.ZERO : invoice.total().amount();
            LocalDate discount = invoice.discountDate();
            boolean discountOpen = discount != null && !discount.isBefore(today);
            LocalDate deadline = discountOpen ? discount : invoice.dueDate();
            long days = deadline == null ? 60 : Math.max(0, ChronoUnit.DAYS.between(today, deadline));
            BigDecimal urgency = BigDecimal.ONE.add(BigDecimal.TEN.divide(BigDecimal.valueOf(1 + days), 6,
                    RoundingMode.HALF_UP));
            BigDecimal score = total.multiply(urgency).setScale(2, RoundingMode.HALF_UP);
            String money = invoice.total() == null ? "no total" : String.format("%,.2f %s", total, invoice.total().currency());
            String when = deadline == null ? "no due date"
                    : (discountOpen ? "discount ends " : "due ") + (days == 0 ? (deadline.isBefore(today) ? "overdue" : "today")
                    : "in " + days + (days == 1 ? " day" : " days"));
            return new Ranked(score, money + " at risk; " + when);
        };
    }
}
