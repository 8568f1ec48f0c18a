package io.backroom.gateway.ap;

import io.backroom.api.model.PurchaseOrder;
import io.backroom.gateway.auth.Principal;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.store.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Separation of duties on a purchase order (docs/three-way-match.md, "Separation of duties"). Three duties:
 * <b>ordering</b> (whoever raised the PO, and its named buyer), <b>receiving</b> (whoever posted a goods receipt or
 * return on it) and <b>invoicing</b> (whoever keyed or corrected an invoice quoting it). One person holds at most one
 * of them on a given PO, and nobody who holds one releases an invoice of that PO. The in-process ERP feed is exempt
 * ({@link Principal#isErpFeed()}): it relays documents the ERP already controlled.
 */
final class DutySeparation {
    static final String ORDER = "ORDER";
    static final String RECEIVE = "RECEIVE";

    private DutySeparation() {
    }

    /** Records that {@code by} raised {@code po} (nothing for the ERP feed). */
    static void recordOrder(Sql tx, Principal by, PurchaseOrder po, Instant at) throws SQLException {
        if (!by.isErpFeed()) {
            tx.update("INSERT INTO po_duties (doc_id, duty, po_id, user_id, at) VALUES (?,?,?,?,?)", po.id(), ORDER,
                    po.id(), by.id(), at);
        }
    }

    /** Records that {@code by} posted goods receipt {@code receiptId} on {@code poId}. */
    static void recordReceipt(Sql tx, Principal by, String receiptId, String poId, Instant at) throws SQLException {
        if (!by.isErpFeed()) {
            tx.update("INSERT INTO po_duties (doc_id, duty, po_id, user_id, at) VALUES (?,?,?,?,?)", receiptId, RECEIVE,
                    poId, by.id(), at);
        }
    }

    /** The users who ordered {@code po}: its creator and its named buyer. */
    static Set<String> orderers(Sql tx, PurchaseOrder po) throws SQLException {
        Set<String> out = new HashSet<>(users(tx, po.id(), ORDER));
        if (po.buyerUserId() != null) {
            out.add(po.buyerUserId());
        }
        return out;
    }

    static Set<String> receivers(Sql tx, String poId) throws SQLException {
        return new HashSet<>(users(tx, poId, RECEIVE));
    }

    /** Keyers and correctors of the invoices quoting {@code poId} (rejected ones included: the duty was taken). */
    static Set<String> invoicers(Sql tx, String poId) throws SQLException {
        Set<String> out = new HashSet<>();
        for (String[] r : tx.query("SELECT entered_by, edited_by FROM invoices WHERE po_reference = ? AND kind = 'INVOICE'",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, poId)) {
            out.add(r[0]);
            if (r[1] != null && !r[1].isBlank()) {
                out.addAll(List.of(r[1].split(",")));
            }
        }
        return out;
    }

    private static List<String> users(Sql tx, String poId, String duty) throws SQLException {
        return tx.query("SELECT DISTINCT user_id FROM po_duties WHERE po_id = ? AND duty = ?", rs -> rs.getString(1),
                poId, duty);
    }

    /** A goods receipt (or return) on {@code po} by {@code by}: not its orderer, not one of its invoicers. */
    static void requireMayReceive(Sql tx, Principal by, PurchaseOrder po) throws SQLException {
        if (by.isErpFeed()) {
            return;
        }
        if (orderers(tx, po).contains(by.id())) {
            throw refused("You raised purchase order " + po.id() + ", so another person must receive it "
                    + "(separation of duties: ordering and receiving).");
        }
        if (invoicers(tx, po.id()).contains(by.id())) {
            throw refused("You keyed or corrected an invoice of purchase order " + po.id() + ", so another person must "
                    + "receive its goods (separation of duties: invoicing and receiving).");
        }
    }

    /** Keying or correcting an invoice quoting {@code po}: not its orderer, not one of its receivers. */
    static void requireMayInvoice(Sql tx, Principal by, PurchaseOrder po) throws SQLException {
        if (by.isErpFeed() || po == null) {
            return;
        }
        if (orderers(tx, po).contains(by.id())) {
            throw refused("You raised purchase order " + po.id() + ", so another person must key and release its "
                    + "invoices (separation of duties: ordering and invoicing).");
        }
        if (receivers(tx, po.id()).contains(by.id())) {
            throw refused("You received goods on purchase order " + po.id() + ", so another person must key its "
                    + "invoices (separation of duties: receiving and invoicing).");
        }
    }

    /** Releasing an invoice of {@code po}: not its orderer, not one of its receivers. */
    static void requireMayRelease(Sql tx, Principal by, PurchaseOrder po) throws SQLException {
        if (po == null) {
            return;
        }
        if (orderers(tx, po).contains(by.id())) {
            throw refused("You raised purchase order " + po.id() + ", so another person must release its invoices "
                    + "(separation of duties: ordering and releasing).");
        }
        if (receivers(tx, po.id()).contains(by.id())) {
            throw refused("You received goods on purchase order " + po.id() + ", so another person must release its "
                    + "invoices (separation of duties: receiving and releasing).");
        }
    }

    private static Problem refused(String detail) {
        return Problem.forbidden(detail);
    }
}
