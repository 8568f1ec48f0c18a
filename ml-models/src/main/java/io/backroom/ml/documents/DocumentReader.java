package io.backroom.ml.documents;

import io.backroom.ml.explain.Reason;
import io.backroom.ml.explain.Reasons;
import io.backroom.ml.tribuo.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reads supplier PDFs: document type with confidence, header fields, and for invoices without a
 * PO reference the GL category. Every failure is a per-file result (malformed, encrypted, empty,
 * needs OCR, too large), never an exception, so a batch goes on.
 */
public final class DocumentReader {
    /** Model name written in results. */
    public static final String NAME = "document-reader";
    /** Version of the reader's rules and model. */
    public static final String VERSION = "1.1";
    /** Files above this size are refused. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final int MAX_PAGES_READ = 3;
    private static final int MAX_PAGES = 500;
    private static final double TEMPERATURE = 1.5;

    private final GlCategorizer glCategorizer;
    private final String digest;

    /** A reader with the GL categoriser (may be null: no GL categories). */
    public DocumentReader(GlCategorizer glCategorizer) {
        this.glCategorizer = glCategorizer;
        this.digest = Digests.sha256Hex(NAME + VERSION + (glCategorizer == null ? "" : glCategorizer.digest()));
    }

    /** Reads one PDF file. */
    public DocumentResult read(Path file) {
        String name = file.getFileName().toString();
        String model = NAME + " " + VERSION;
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return DocumentResult.failed(name, DocumentResult.Status.TOO_LARGE, String.format(Locale.ROOT,
                        "the file is %.1f MB; the reader accepts up to %d MB", size / 1048576.0, MAX_BYTES / 1048576), model, "");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return DocumentResult.failed(name, DocumentResult.Status.MALFORMED, "the file cannot be read: " + e.getMessage(), model, "");
        }
        return read(name, bytes);
    }

    /** Reads one PDF from its bytes; {@code name} identifies it in the result. */
    public DocumentResult read(String name, byte[] bytes) {
        String model = NAME + " " + VERSION;
        String hash = Digests.provenanceHash(digest, Digests.sha256Hex(bytes));
        if (bytes.length == 0) {
            return DocumentResult.failed(name, DocumentResult.Status.EMPTY, "the file is empty (0 bytes)", model, hash);
        }
        if (bytes.length > MAX_BYTES) {
            return DocumentResult.failed(name, DocumentResult.Status.TOO_LARGE, "the file is larger than "
                    + MAX_BYTES / 1048576 + " MB", model, hash);
        }
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            int pages = pdf.getNumberOfPages();
            if (pages == 0) {
                return DocumentResult.failed(name, DocumentResult.Status.EMPTY, "the PDF has no pages", model, hash);
            }
            if (pages > MAX_PAGES) {
                return DocumentResult.failed(name, DocumentResult.Status.TOO_LARGE, "the PDF has " + pages
                        + " pages; the reader accepts up to " + MAX_PAGES, model, hash);
            }
            PageText text = PdfWords.extract(pdf, MAX_PAGES_READ);
            if (wordCharacters(text) < 10) {
                return DocumentResult.failed(name, DocumentResult.Status.NEEDS_OCR,
                        "the PDF has no text layer (scanned image?): run it through OCR first", model, hash);
            }
            return classify(name, text, model, hash);
        } catch (InvalidPasswordException e) {
            return DocumentResult.failed(name, DocumentResult.Status.ENCRYPTED,
                    "the PDF is password-protected; ask the supplier for an unprotected copy", model, hash);
        } catch (IOException | RuntimeException e) {
            return DocumentResult.failed(name, DocumentResult.Status.MALFORMED,
                    "the file is not a readable PDF (" + e.getMessage() + ")", model, hash);
        }
    }

    /** Reads every {@code *.pdf} of a directory, in name order; one result per file. */
    public List<DocumentResult> readDirectory(Path dir) throws IOException {
        List<Path> files;
        try (var stream = Files.list(dir)) {
            files = stream.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")).sorted().toList();
        }
        List<DocumentResult> out = new ArrayList<>();
        for (Path f : files) {
            out.add(read(f));
        }
        return out;
    }

    private DocumentResult classify(String name, PageText text, String model, String hash) {
        Map<DocumentType, Double> evidence = DocumentTypes.evidence(text);
        DocumentType best = DocumentType.INVOICE;
        for (DocumentType t : DocumentType.values()) {
            if (evidence.get(t) > evidence.get(best)) {
                best = t;
            }
        }
        double norm = 0;
        for (double v : evidence.values()) {
            norm += Math.exp((v - evidence.get(best)) / TEMPERATURE);
        }
        double confidence = 1.0 / norm;
        String folded = Text.fold(text.text());
        boolean usEnglish = folded.contains("usd") || folded.contains("$");
        HeaderExtractor extractor = new HeaderExtractor(text, usEnglish);
        HeaderFields fields = extractor.extract();
        List<String> problems = extractor.problems();
        double fieldConfidence = Math.pow(0.6, problems.size());
        List<Reason> reasons = new ArrayList<>();
        reasons.add(new Reason("type", String.format(Locale.ROOT, "%s wording %s (evidence %.1f vs next best %.1f)",
                best.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                evidence.get(best) >= 10 ? "in the title" : "in the body", evidence.get(best), secondBest(evidence, best)), 3));
        String gl = null;
        double glConfidence = 0;
        if (best == DocumentType.INVOICE && fields.poReference() == null && glCategorizer != null) {
            GlCategorizer.Prediction p = glCategorizer.predict(text.text());
            gl = p.category();
            glConfidence = p.confidence();
            reasons.add(new Reason("gl", "no PO reference, so coded as an expense: " + p.explanation(), 2));
        }
        reasons.add(new Reason("fields", fieldSummary(fields) + (problems.isEmpty() ? "" : "; check: " + String.join("; ", problems)),
                problems.isEmpty() ? 1 : 2.5));
        return new DocumentResult(name, DocumentResult.Status.OK, "", best, confidence, gl, glConfidence, fields,
                Reasons.top(reasons), model, hash, fieldConfidence);
    }

    private static int wordCharacters(PageText text) {
        int n = 0;
        for (PageText.Line line : text.lines()) {
            for (PageText.Word w : line.words()) {
                for (int i = 0; i < w.text().length() && n < 10; i++) {
                    n += Character.isLetterOrDigit(w.text().charAt(i)) ? 1 : 0;
                }
            }
            if (n >= 10) {
                break;
            }
        }
        return n;
    }

    private static double secondBest(Map<DocumentType, Double> evidence, DocumentType best) {
        return evidence.entrySet().stream().filter(e -> e.getKey() != best).mapToDouble(Map.Entry::getValue).max().orElse(0);
    }

    private static String fieldSummary(HeaderFields f) {
        int found = 0;
        for (Object o : new Object[] {f.supplierName(), f.documentNumber(), f.documentDate(), f.dueDate(), f.poReference(),
            f.currency(), f.subtotal(), f.taxAmount(), f.total()}) {
            found += o == null ? 0 : 1;
        }
        boolean adds = f.subtotal() != null && f.taxAmount() != null && f.total() != null
                && f.subtotal().add(f.taxAmount()).compareTo(f.total()) == 0;
        return found + " of 9 header fields found" + (adds ? "; subtotal + tax = total" : "");
    }
}
