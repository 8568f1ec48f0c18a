package io.backroom.gateway.ap;

import io.backroom.api.model.Charge;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.InvoiceLine;
import io.backroom.api.model.Tolerances;
import io.backroom.gateway.ap.MatchOutcome.HoldDraft;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks a credit note passes before it is applied (docs/three-way-match.md, "Credit notes"): its total and tax
 * are checked like an invoice's, and it never credits more than was invoiced. A credit note that fails is held
 * (status {@code ON_HOLD}) and credits nothing.
 */
final class CreditNoteRules {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ToleranceResolver tolerances;

    CreditNoteRules(ToleranceResolver tolerances) {
        this.tolerances = tolerances;
    }

    List<HoldDraft> check(Sql tx, InvoiceRow note) throws SQLException {
        List<HoldDraft> holds = new ArrayList<>();
        totalAndTax(note, holds);
        notMoreThanInvoiced(tx, note, holds);
        return holds;
    }

    private void totalAndTax(InvoiceRow note, List<HoldDraft> holds) {
        String cur = note.currency();
        BigDecimal charges = note.charges().stream().map(Charge::amount).filter(java.util.Objects::nonNull)
                .map(m -> m.amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal maxRate = BigDecimal.ZERO;
        for (InvoiceLine l : note.lines()) {
            BigDecimal rate = l.taxRate() == null ? BigDecimal.ZERO : l.taxRate();
            maxRate = maxRate.max(rate);
            tax = tax.add(l.netAmount().amount().multiply(rate).divide(HUNDRED));
        }
        BigDecimal computed = tax.add(charges.multiply(maxRate).divide(HUNDRED))
                .setScale(Currencies.minorUnits(cur), RoundingMode.HALF_UP);
        ToleranceResolver.Limit limit = tolerances.resolve(note.supplierId(), null, Tolerances::taxAmount);
        BigDecimal diff = note.taxAmount().subtract(computed).abs();
        if (limit.value() != null && diff.compareTo(limit.value()) > 0) {
            holds.add(new HoldDraft(HoldCode.TAX_VARIANCE, null, "Credit-note tax " + plain(note.taxAmount()) + " " + cur
                    + " differs from the computed " + plain(computed) + " " + cur + " by more than the "
                    + plain(limit.value()) + " tolerance."));
        }
        BigDecimal sum = note.subtotal().add(note.taxAmount());
        if (sum.compareTo(note.total()) != 0) {
            holds.add(new HoldDraft(HoldCode.TOTAL_MISMATCH, null, "Credit-note lines + charges + tax come to "
                    + plain(sum) + " " + cur + " but its total is " + plain(note.total()) + " " + cur + "."));
        }
    }

    /**
     * Per PO line, the quantity and amount credited (this note plus the credit notes applied before it, against the
     * same invoice or, without one, against the same order) may not exceed what was invoiced: on the credited
     * invoice, or on the order's non-rejected invoices. With a credited invoice, the credited net in total may not
     * exceed that invoice's net either.
     */
    private void notMoreThanInvoiced(Sql tx, InvoiceRow note, List<HoldDraft> holds) throws SQLException {
        String credited = note.creditedInvoiceId();
        if (credited == null && note.poReference() == null) {
            return;
        }
        List<Object[]> invoiced = credited != null
                ? tx.query("SELECT po_line_no, quantity, net_amount FROM invoice_lines WHERE invoice_id = ?",
                        CreditNoteRules::row, credited)
                : tx.query("SELECT l.po_line_no, l.quantity, l.net_amount FROM invoice_lines l JOIN invoices i "
                        + "ON i.id = l.invoice_id WHERE i.po_reference = ? AND i.kind = 'INVOICE' "
                        + "AND i.status <> 'REJECTED'", CreditNoteRules::row, note.poReference());
        List<Object[]> earlier = credited != null
                ? tx.query("SELECT l.po_line_no, l.quantity, l.net_amount FROM invoice_lines l JOIN invoices i "
                        + "ON i.id = l.invoice_id WHERE i.credited_invoice_id = ? AND i.kind = 'CREDIT_NOTE' "
                        + "AND i.status = 'APPLIED' AND i.id <> ?", CreditNoteRules::row, credited, note.id())
                : tx.query("SELECT l.po_line_no, l.quantity, l.net_amount FROM invoice_lines l JOIN invoices i "
                        + "ON i.id = l.invoice_id WHERE i.po_reference = ? AND i.kind = 'CREDIT_NOTE' "
                        + "AND i.status = 'APPLIED' AND i.id <> ?", CreditNoteRules::row, note.poReference(), note.id());
        Map<Integer, BigDecimal[]> billed = sum(invoiced);
        Map<Integer, BigDecimal[]> credits = sum(earlier);
        BigDecimal totalBilled = invoiced.stream().map(r -> (BigDecimal) r[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal totalCredited = earlier.stream().map(r -> (BigDecimal) r[2]).reduce(BigDecimal.ZERO, BigDecimal::add);
        for (InvoiceLine l : note.lines()) {
            totalCredited = totalCredited.add(l.netAmount().amount());
            if (l.poLineNo() == null) {
                continue;
            }
            BigDecimal[] c = credits.computeIfAbsent(l.poLineNo(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            c[0] = c[0].add(l.quantity());
            c[1] = c[1].add(l.netAmount().amount());
            BigDecimal[] b = billed.getOrDefault(l.poLineNo(), new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            String against = credited != null ? "invoice " + credited : "purchase order " + note.poReference();
            if (c[0].compareTo(b[0]) > 0) {
                holds.add(new HoldDraft(HoldCode.CREDIT_EXCEEDS_INVOICED, l.lineNo(), "Line " + l.lineNo()
                        + " credits " + plain(c[0]) + " units of PO line " + l.poLineNo() + " in total, but " + against
                        + " invoiced " + plain(b[0]) + "."));
            } else if (c[1].compareTo(b[1]) > 0) {
                holds.add(new HoldDraft(HoldCode.CREDIT_EXCEEDS_INVOICED, l.lineNo(), "Line " + l.lineNo()
                        + " credits " + plain(c[1]) + " " + note.currency() + " of PO line " + l.poLineNo()
                        + " in total, but " + against + " invoiced " + plain(b[1]) + " " + note.currency() + "."));
            }
        }
        if (credited != null && holds.stream().noneMatch(h -> h.code() == HoldCode.CREDIT_EXCEEDS_INVOICED)
                && totalCredited.compareTo(totalBilled) > 0) {
            holds.add(new HoldDraft(HoldCode.CREDIT_EXCEEDS_INVOICED, null, "Credit notes against invoice " + credited
                    + " come to " + plain(totalCredited) + " " + note.currency() + " net, more than its "
                    + plain(totalBilled) + " " + note.currency() + "."));
        }
    }

    private static Object[] row(java.sql.ResultSet rs) throws SQLException {
        return new Object[] {rs.getObject(1) == null ? null : rs.getInt(1), new BigDecimal(rs.getString(2)),
                new BigDecimal(rs.getString(3))};
    }

    private static Map<Integer, BigDecimal[]> sum(List<Object[]> rows) {
        Map<Integer, BigDecimal[]> out = new HashMap<>();
        for (Object[] r : rows) {
            if (r[0] == null) {
                continue;
            }
            BigDecimal[] s = out.computeIfAbsent((Integer) r[0], k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add((BigDecimal) r[1]);
            s[1] = s[1].add((BigDecimal) r[2]);
        }
        return out;
    }

    private static String plain(BigDecimal b) {
        return b.stripTrailingZeros().toPlainString();
    }
}
