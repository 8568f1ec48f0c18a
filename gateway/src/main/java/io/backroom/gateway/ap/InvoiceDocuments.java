package io.backroom.gateway.ap;

import io.backroom.api.ProblemTypes;
import io.backroom.gateway.core.Problem;
import io.backroom.gateway.events.ChangeFeed;
import io.backroom.gateway.store.Sql;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/** The supplier PDFs attached to invoices. */
public final class InvoiceDocuments {
    private InvoiceDocuments() {
    }

    /** Checks the bytes are a PDF: the {@code %PDF-} header and an {@code %%EOF} marker near the end. */
    public static void requirePdf(byte[] content) {
        boolean header = content.length > 8 && new String(content, 0, 5, StandardCharsets.ISO_8859_1).equals("%PDF-");
        int tail = Math.max(0, content.length - 1024);
        boolean trailer = new String(content, tail, content.length - tail, StandardCharsets.ISO_8859_1).contains("%%EOF");
        if (!header || !trailer) {
            throw new Problem(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Not a PDF", "The document is not a PDF: "
                    + (header ? "it has no %%EOF trailer (truncated?)" : "it does not start with %PDF-") + ".");
        }
        PdfCheck.requireReadable(content);
    }

    /** Attaches (or replaces) the document if the invoice is still at {@code version}; returns the new version. */
    public static long attach(Sql tx, String invoiceId, long version, byte[] pdf, String by, Instant at)
            throws SQLException {
        Optional<Long> current = tx.one("SELECT version FROM invoices WHERE id = ?", rs -> rs.getLong(1), invoiceId);
        if (current.isEmpty()) {
            throw Problem.notFound("No invoice '" + invoiceId + "'.");
        }
        if (current.get() != version || tx.update("UPDATE invoices SET has_document = 1, version = version + 1, "
                + "updated_at = ? WHERE id = ? AND version = ?", at, invoiceId, version) != 1) {
            throw Problem.stale(current.get(), "Invoice " + invoiceId + " is at version " + current.get() + ", not " + version
                    + "; reload it and upload again.");
        }
        tx.update("DELETE FROM documents WHERE invoice_id = ?", invoiceId);
        tx.update("INSERT INTO documents (invoice_id, content, size_bytes, sha256, uploaded_at, uploaded_by) "
                + "VALUES (?,?,?,?,?,?)", invoiceId, pdf, (long) pdf.length, sha256(pdf), at, by);
        tx.update("INSERT INTO invoice_history (invoice_id, at, actor, action, detail) VALUES (?,?,?,?,?)", invoiceId,
                at, by, "DOCUMENT_ATTACHED", pdf.length + " bytes");
        ChangeFeed.record(tx, "invoice.updated", "invoice", invoiceId, version + 1, at);
        return version + 1;
    }

    public static Optional<byte[]> content(Sql tx, String invoiceId) throws SQLException {
        if (tx.count("SELECT COUNT(*) FROM invoices WHERE id = ?", invoiceId) == 0) {
            throw Problem.notFound("No invoice '" + invoiceId + "'.");
        }
        return tx.one("SELECT content FROM documents WHERE invoice_id = ?", rs -> rs.getBytes(1), invoiceId);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
