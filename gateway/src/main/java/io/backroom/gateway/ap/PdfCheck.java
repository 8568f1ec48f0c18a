package io.backroom.gateway.ap;

import io.backroom.api.ProblemTypes;
import io.backroom.gateway.core.Problem;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * An uploaded document is accepted only if PDFBox opens it as a PDF with at least one page: a file that merely starts
 * with {@code %PDF-} and ends with {@code %%EOF} (script text, an HTML page, a truncated file) is refused with 415.
 * Parsing runs in memory bounded by the upload limit, with no network or file access.
 */
final class PdfCheck {
    /** Most pages a supplier document may have. */
    static final int MAX_PAGES = 500;

    private PdfCheck() {
    }

    static void requireReadable(byte[] content) {
        String why;
        try (PDDocument doc = Loader.loadPDF(content)) {
            int pages = doc.getNumberOfPages();
            if (pages >= 1 && pages <= MAX_PAGES) {
                return;
            }
            why = pages < 1 ? "it has no pages" : "it has " + pages + " pages, more than " + MAX_PAGES;
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            why = "it is encrypted with a password";
        } catch (IOException | RuntimeException e) {
            why = "it does not open as a PDF (" + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().split("\\n")[0]) + ")";
        }
        throw new Problem(415, ProblemTypes.UNSUPPORTED_MEDIA_TYPE, "Not a PDF", "The document is not a readable PDF: "
                + why + ".");
    }
}
