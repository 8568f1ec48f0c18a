package io.backroom.gateway.ap;

import io.backroom.api.InvoiceNumbers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.backroom.api.model.HistoryEntry;
import io.backroom.api.model.Hold;
import io.backroom.api.model.HoldCode;
import io.backroom.api.model.HoldStatus;
import io.backroom.api.model.Invoice;
import io.backroom.api.model.InvoiceKind;
import io.backroom.api.model.InvoiceStatus;
import io.backroom.api.model.Money;
import io.backroom.api.model.Posting;
import io.backroom.gateway.erpsync.ErpMirror;
import io.backroom.gateway.store.Sql;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** SQL for invoices, their holds, history and postings. */
final class InvoiceRepository {
    private static final BigDecimal E4 = new BigDecimal("10000");
    private final ObjectMapper mapper;
    private final ErpMirror erp;

    InvoiceRepository(ObjectMapper mapper, ErpMirror erp) {
        this.mapper = mapper;
        this.erp = erp;
    }

    static long e4(BigDecimal amount) {
        return amount.multiply(E4).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    long nextSeq(Sql tx) throws SQLException {
        return tx.count("SELECT COALESCE(MAX(seq), 0) + 1 FROM invoices");
    }

    boolean exists(Sql tx, String id) throws SQLException {
        return tx.count("SELECT COUNT(*) FROM invoices WHERE id = ?", id) > 0;
    }

    void insert(Sql tx, InvoiceRow r, List<HoldCode> openCodes) throws SQLException {
        tx.update("INSERT INTO invoices (id, seq, kind, invoice_number, number_norm, supplier_id, po_reference, store_id, "
                        + "invoice_date, received_on, due_date, discount_date, currency, status, subtotal, tax_amount, "
                        + "computed_tax, total, total_e4, hold_codes, assignee_user_id, credited_invoice_id, entered_by, "
                        + "edited_by, has_document, body, version, created_at, updated_at, held_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                r.id(), r.seq(), r.kind(), r.invoiceNumber(), InvoiceNumbers.normalise(r.invoiceNumber()),
                r.supplierId(), r.poReference(), r.storeId(), r.invoiceDate(), r.receivedOn(), r.dueDate(),
                r.discountDate(), r.currency(), r.status(), r.subtotal(), r.taxAmount(), r.computedTax(), r.total(),
                e4(r.total()), codes(openCodes), r.assigneeUserId(), r.creditedInvoiceId(), r.enteredBy(),
                String.join(",", r.editedBy()), r.hasDocument(), body(r), r.version(), r.createdAt(), r.updatedAt(),
                openCodes.isEmpty() ? null : r.createdAt());
        List<Object[]> lines = r.lines().stream().map(l -> new Object[] {r.id(), l.lineNo(), l.poLineNo(),
                l.quantity() == null ? BigDecimal.ZERO : l.quantity(), l.netAmount().amount()}).toList();
        tx.batch("INSERT INTO invoice_lines (invoice_id, line_no, po_line_no, quantity, net_amount) VALUES (?,?,?,?,?)",
                lines);
    }

    /**
     * Writes a changed row if its version is still {@code expectedVersion}; the stored version becomes
     * {@code expectedVersion + 1}. Returns false when someone else changed it first.
     */
    boolean update(Sql tx, InvoiceRow r, List<HoldCode> openCodes, long expectedVersion, Instant at) throws SQLException {
        return tx.update("UPDATE invoices SET status = ?, computed_tax = ?, hold_codes = ?, assignee_user_id = ?, "
                        + "edited_by = ?, has_document = ?, body = ?, version = ?, updated_at = ?, "
                        + "held_at = CASE WHEN ? = '' THEN NULL ELSE COALESCE(held_at, ?) END "
                        + "WHERE id = ? AND version = ?",
                r.status(), r.computedTax(), codes(openCodes), r.assigneeUserId(), String.join(",", r.editedBy()),
                r.hasDocument(), body(r), expectedVersion + 1, at, codes(openCodes), at, r.id(),
                expectedVersion) == 1;
    }

    /**
     * Writes a corrected row (header fields, lines, editors) if its version is still {@code expectedVersion}; the
     * stored version becomes {@code expectedVersion + 1}. Returns false when someone else changed it first.
     */
    boolean correct(Sql tx, InvoiceRow r, long expectedVersion, Instant at) throws SQLException {
        boolean updated = tx.update("UPDATE invoices SET invoice_number = ?, number_norm = ?, po_reference = ?, store_id = ?, "
                        + "due_date = ?, subtotal = ?, tax_amount = ?, total = ?, total_e4 = ?, edited_by = ?, body = ?, "
                        + "version = ?, updated_at = ? WHERE id = ? AND version = ?",
                r.invoiceNumber(), InvoiceNumbers.normalise(r.invoiceNumber()), r.poReference(), r.storeId(), r.dueDate(),
                r.subtotal(), r.taxAmount(), r.total(), e4(r.total()), String.join(",", r.editedBy()), body(r),
                expectedVersion + 1, at, r.id(), expectedVersion) == 1;
        if (updated) {
            tx.update("DELETE FROM invoice_lines WHERE invoice_id = ?", r.id());
            tx.batch("INSERT INTO invoice_lines (invoice_id, line_no, po_line_no, quantity, net_amount) VALUES (?,?,?,?,?)",
                    r.lines().stream().map(l -> new Object[] {r.id(), l.lineNo(), l.poLineNo(),
                            l.quantity() == null ? BigDecimal.ZERO : l.quantity(), l.netAmount().amount()}).toList());
        }
        return updated;
    }

    private static String codes(List<HoldCode> codes) {
        return codes.stream().map(Enum::name).distinct().collect(Collectors.joining(","));
    }

    private String body(InvoiceRow r) {
        try {
            return mapper.writeValueAsString(new InvoiceRow.Body(r.lines(), r.charges()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Optional<InvoiceRow> row(Sql tx, String id) throws SQLException {
        return tx.one("SELECT * FROM invoices WHERE id = ?", this::map, id);
    }

    InvoiceRow map(ResultSet rs) throws SQLException {
        InvoiceRow.Body body;
        try {
            body = mapper.readValue(rs.getString("body"), InvoiceRow.Body.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored invoice " + rs.getString("id") + " is unreadable", e);
        }
        String edited = rs.getString("edited_by");
        return new InvoiceRow(rs.getString("id"), rs.getLong("seq"), InvoiceKind.valueOf(rs.getString("kind")),
                rs.getString("invoice_number"), rs.getString("supplier_id"), rs.getString("po_reference"),
                rs.getString("store_id"), Sql.date(rs, "invoice_date"), Sql.date(rs, "received_on"),
                Sql.date(rs, "due_date"), Sql.date(rs, "discount_date"), rs.getString("currency"),
                InvoiceStatus.valueOf(rs.getString("status")), Sql.decimal(rs, "subtotal"), Sql.decimal(rs, "tax_amount"),
                Sql.decimal(rs, "computed_tax"), Sql.decimal(rs, "total"), rs.getString("assignee_user_id"),
                rs.getString("credited_invoice_id"), rs.getString("entered_by"),
                edited == null || edited.isEmpty() ? List.of() : Arrays.asList(edited.split(",")),
                rs.getInt("has_document") != 0, body.lines(), body.charges(), rs.getLong("version"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    // ---- holds ----

    List<Hold> holds(Sql tx, String invoiceId) throws SQLException {
        return tx.query("SELECT * FROM holds WHERE invoice_id = ? ORDER BY created_at, id", rs -> new Hold(
                rs.getString("id"), HoldCode.valueOf(rs.getString("code")),
                rs.getObject("line_no") == null ? null : rs.getInt("line_no"), rs.getString("message"),
                HoldStatus.valueOf(rs.getString("status")), Sql.instant(rs, "created_at"),
                Sql.instant(rs, "resolved_at"), rs.getString("resolved_by")), invoiceId);
    }

    /** Inserts an open hold and returns it as {@link #holds} would read it back. */
    Hold addHold(Sql tx, String invoiceId, MatchOutcome.HoldDraft h, Instant at) throws SQLException {
        String id = "HLD-" + UUID.randomUUID();
        tx.update("INSERT INTO holds (id, invoice_id, code, line_no, message, status, created_at) VALUES (?,?,?,?,?,?,?)",
                id, invoiceId, h.code(), h.lineNo(), h.message(), HoldStatus.OPEN, at);
        return new Hold(id, h.code(), h.lineNo(), h.message(), HoldStatus.OPEN, at, null, null);
    }

    void resolveHold(Sql tx, String holdId, String by, Instant at) throws SQLException {
        tx.update("UPDATE holds SET status = ?, resolved_at = ?, resolved_by = ? WHERE id = ? AND status = ?",
                HoldStatus.RESOLVED, at, by, holdId, HoldStatus.OPEN);
    }

    // ---- history and postings ----

    /** Appends a history entry and returns it as {@link #load} would read it back. */
    HistoryEntry history(Sql tx, String invoiceId, Instant at, String actor, String action, String detail)
            throws SQLException {
        tx.update("INSERT INTO invoice_history (invoice_id, at, actor, action, detail) VALUES (?,?,?,?,?)", invoiceId,
                at, actor, action, detail);
        return new HistoryEntry(at, actor, action, detail);
    }

    /** The full invoice: row, holds, posting, history. */
    Optional<Invoice> load(Sql tx, String id) throws SQLException {
        Optional<InvoiceRow> row = row(tx, id);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        InvoiceRow r = row.get();
        String supplierName = tx.one("SELECT name FROM rm_suppliers WHERE id = ?", rs -> rs.getString(1), r.supplierId())
                .orElse(null);
        Posting posting = erp.posting(tx, id).orElse(null);
        List<HistoryEntry> history = tx.query("SELECT * FROM invoice_history WHERE invoice_id = ? ORDER BY id",
                rs -> new HistoryEntry(Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("action"),
                        rs.getString("detail")), id);
        return Optional.of(invoice(r, supplierName, holds(tx, id), posting, history));
    }

    /**
     * The API view of a row and what hangs off it. {@link #load} reads the parts back; intake passes what it has just
     * written (holds ordered as {@link #holds} orders them), which gives the same JSON: amounts are written plain
     * ({@code WRITE_BIGDECIMAL_AS_PLAIN}) both ways, instants and dates round-trip exactly.
     */
    static Invoice invoice(InvoiceRow r, String supplierName, List<Hold> holds, Posting posting,
            List<HistoryEntry> history) {
        String c = r.currency();
        return new Invoice(r.id(), r.kind(), r.invoiceNumber(), r.supplierId(), supplierName,
                r.poReference(), r.storeId(), r.invoiceDate(), r.receivedOn(), r.dueDate(), r.discountDate(), c,
                r.status(), r.lines(), r.charges(), new Money(r.subtotal(), c), new Money(r.taxAmount(), c),
                r.computedTax() == null ? null : new Money(r.computedTax(), c), new Money(r.total(), c),
                holds, r.assigneeUserId(), r.creditedInvoiceId(), r.enteredBy(), r.editedBy(),
                r.hasDocument(), posting, history, r.version(), r.createdAt(), r.updatedAt());
    }
}
