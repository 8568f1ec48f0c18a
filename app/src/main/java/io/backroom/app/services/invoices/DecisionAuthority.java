package io.backroom.app.services.invoices;

import io.backroom.api.model.Invoice;
import io.backroom.api.model.Me;
import io.backroom.api.model.Money;
import io.backroom.app.services.outbox.DecisionAction;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the signed-in user may decide, as the gateway said at sign-in ({@code GET /me}: permissions and release
 * limit). The console uses it to disable or explain a decision before the user tries; the gateway still enforces it,
 * and a refusal it sends anyway comes back to the user as a notification.
 *
 * @param userId       the gateway's id of the user (separation of duties: not the one who entered or edited it)
 * @param permissions  e.g. {@code invoice.decide}, {@code invoice.release}
 * @param releaseLimit the largest total the user may release; {@code null} when unlimited
 */
public record DecisionAuthority(String userId, Set<String> permissions, Money releaseLimit) {
    public static final String DECIDE = "invoice.decide";
    public static final String RELEASE = "invoice.release";

    public DecisionAuthority {
        permissions = Set.copyOf(permissions);
    }

    /** From the gateway's answer to {@code GET /me}. */
    public static DecisionAuthority of(Me me) {
        return new DecisionAuthority(me.user().id(), Set.copyOf(me.permissions()), me.user().releaseLimit());
    }

    /** Everyone may do everything (the gateway decides): for tests and consoles without a session yet. */
    public static DecisionAuthority unknown() {
        return new DecisionAuthority(null, Set.of(DECIDE, RELEASE), null);
    }

    /** Whether the user may take decisions at all. */
    public boolean mayDecide() {
        return permissions.contains(DECIDE);
    }

    /**
     * Why the user may not take {@code action} on the invoice, in words with what to do instead, or empty when the
     * console sees nothing against it. {@code invoice} is the full invoice when loaded (it names who entered and edited
     * it), otherwise {@code null}; {@code total} is the queue's total.
     */
    public Optional<String> refusal(DecisionAction action, Money total, Invoice invoice) {
        if (!mayDecide()) {
            return Optional.of("Your role may not decide on held invoices; an AP clerk or supervisor decides them.");
        }
        if (action != DecisionAction.RELEASE) {
            return Optional.empty();
        }
        if (!permissions.contains(RELEASE)) {
            return Optional.of("Your role may not release invoices: route it to a supervisor (B) or hold it (H).");
        }
        if (invoice != null && userId != null) {
            if (userId.equals(invoice.enteredBy())) {
                return Optional.of("You entered this invoice yourself, so another person must release it.");
            }
            if (invoice.editedBy().contains(userId)) {
                return Optional.of("You corrected this invoice, so another person must release it.");
            }
        }
        if (releaseLimit == null || total == null) {
            return Optional.empty();
        }
        if (releaseLimit.amount().signum() == 0) {
            return Optional.of("You may not release invoices (your release limit is zero): route it to a supervisor (B).");
        }
        Optional<BigDecimal> inLimitCurrency = ExchangeRates.convert(total.amount(), total.currency(),
                releaseLimit.currency());
        if (inLimitCurrency.isPresent() && inLimitCurrency.get().compareTo(releaseLimit.amount()) > 0) {
            return Optional.of("Above your " + money(releaseLimit) + " release limit"
                    + (total.currency().equals(releaseLimit.currency()) ? ""
                    : " (" + money(total) + " is " + money(new Money(inLimitCurrency.get(), releaseLimit.currency())) + ")")
                    + ": route it to a supervisor (B).");
        }
        return Optional.empty();
    }

    /** The decisions the user may take on it, in the order of the decision bar. */
    public List<DecisionAction> allowed(Money total, Invoice invoice) {
        return java.util.Arrays.stream(DecisionAction.values()).filter(a -> refusal(a, total, invoice).isEmpty()).toList();
    }

    private static String money(Money m) {
        return String.format(Locale.ROOT, "%,.2f %s", m.amount(), m.currency());
    }
}
