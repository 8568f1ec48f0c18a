package io.backroom.app.services.invoices;

import io.backroom.app.tasks.BlockingWorkGuard;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Renders pages of a supplier's PDF with PDFBox. A document that cannot be read or rendered gives
 * a {@link PdfException} with a sentence for the preview; the rest of the workspace keeps working.
 */
public final class PdfPages {
    private PdfPages() {
    }

    /**
     * A rendered page.
     *
     * @param image     the page at the requested scale
     * @param pageIndex 0-based
     * @param pageCount pages in the document
     */
    public record Rendered(BufferedImage image, int pageIndex, int pageCount, List<PdfHighlights.Mark> marks) {
    }

    /** Renders page {@code index} (clamped to the document) at {@code dpi}. */
    public static Rendered render(byte[] pdf, int index, float dpi) {
        return render(pdf, index, dpi, List.of());
    }

    /**
     * Renders page {@code index} at {@code dpi} with the header fields the reader took ({@code fields}) marked where they
     * are printed, the ERP's value beside each.
     */
    public static Rendered render(byte[] pdf, int index, float dpi, List<DocumentCheck.Field> fields) {
        BlockingWorkGuard.check("PDF rendering");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            int pages = doc.getNumberOfPages();
            if (pages == 0) {
                throw new PdfException("The supplier's PDF has no pages.");
            }
            int page = Math.max(0, Math.min(index, pages - 1));
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(page, dpi);
            List<PdfHighlights.Mark> marks = fields.isEmpty() ? List.of() : PdfHighlights.locate(doc, page, fields);
            PdfHighlights.draw(image, dpi, marks);
            return new Rendered(image, page, pages, marks);
        } catch (InvalidPasswordException e) {
            throw new PdfException("The supplier's PDF is password-protected and cannot be shown here.");
        } catch (IOException | RuntimeException e) {
            if (e instanceof PdfException p) {
                throw p;
            }
            throw new PdfException("The supplier's PDF cannot be read (" + e.getMessage() + "). The invoice data is still shown.");
        }
    }

    /** A PDF could not be shown; the message says why, in words. */
    public static final class PdfException extends RuntimeException {
        public PdfException(String message) {
            super(message);
        }
    }
}
