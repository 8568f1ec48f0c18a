package io.backroom.gateway.ap;

import io.backroom.api.model.LineMatch;
import io.backroom.api.model.Money;
import io.backroom.api.model.PurchaseOrder;
import io.backroom.gateway.auth.Permission;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.sql.SQLException;

/**
 * When a re-match that leaves an invoice without holds may release it by itself (docs/three-way-match.md,
 * "Re-match and automatic release"). An automatic release is taken on behalf of whoever made the change that cleared
 * the holds, so it must not release what that person could not:
 * <ul>
 *   <li>an invoice a person corrected is never released automatically: another person releases it;</li>
 *   <li>a change by the invoice's keyer (other than a credit note, which lowers what is paid), or by its purchase
 *       order's orderer, releases nothing (it does not count for separation of duties);</li>
 *   <li>a change by an AP user (one who takes invoice decisions) releases only what that user could release by a
 *       decision: within their release limit;</li>
 *   <li>after a goods receipt, the received quantity must cover the invoiced quantity on every line: a receipt that
 *       only brings the line within a tolerance releases nothing.</li>
 * </ul>
 * The in-process ERP feed and the system itself (a PO status change) are not persons; their changes release as the
 * match decides.
 */
final class AutoRelease {
    /** What changed the picture. */
    enum Kind { PURCHASE_ORDER, RECEIPT, CREDIT_NOTE, REJECTION, SYSTEM }

    /** The change that triggered a re-match and who made it ({@code null} for the system). */
    record Trigger(Kind kind, Principal by) {
        static final Trigger SYSTEM = new Trigger(Kind.SYSTEM, null);
    }

    private final ErpMirror erp;

    AutoRelease(ErpMirror erp) {
        this.erp = erp;
    }

    /** Why {@code row} must not be released automatically after {@code outcome}, or {@code null} if it may. */
    String withheld(Sql tx, InvoiceRow row, MatchOutcome outcome, Trigger trigger) throws SQLException {
        if (!row.editedBy().isEmpty()) {
            return "it was corrected by " + String.join(", ", row.editedBy()) + ", so another person must release it.";
        }
        if (trigger.kind() == Kind.RECEIPT) {
            for (LineMatch m : outcome.lines()) {
                if (m != null && m.cumulativeInvoicedQuantity().compareTo(m.receivedQuantity()) > 0) {
                    return "the goods received (" + m.receivedQuantity().stripTrailingZeros().toPlainString()
                            + ") do not cover the quantity invoiced (" + m.cumulativeInvoicedQuantity()
                            .stripTrailingZeros().toPlainString() + ").";
                }
            }
        }
        Principal by = trigger.by();
        if (by == null || by.isErpFeed()) {
            return null;
        }
        // a credit note lowers what is paid, so its keyer may be the invoice's; the limit rule below still applies
        if (trigger.kind() != Kind.CREDIT_NOTE && by.id().equals(row.enteredBy())) {
            return by.user().username() + ", who keyed or corrected it, made the change that cleared its holds "
                    + "(separation of duties).";
        }
        PurchaseOrder po = row.poReference() == null ? null : erp.purchaseOrder(tx, row.poReference()).orElse(null);
        if (po != null && DutySeparation.orderers(tx, po).contains(by.id())) {
            return by.user().username() + ", who ordered it, made the change that cleared its holds "
                    + "(separation of duties).";
        }
        if (Permission.DECIDE.grantedTo(by.user().roles())) {
            Money limit = by.user().releaseLimit();
            if (!Permission.RELEASE.grantedTo(by.user().roles())) {
                return by.user().username() + " made the change that cleared its holds but may not release invoices.";
            }
            if (limit != null) {
                BigDecimal total = FxRates.convert(row.total(), row.currency(), limit.currency());
                if (total == null || total.compareTo(limit.amount()) > 0) {
                    return "it totals " + row.total().toPlainString() + " " + row.currency() + ", above the release "
                            + "limit of " + by.user().username() + ", who made the change that cleared its holds.";
                }
            }
        }
        return null;
    }
}
