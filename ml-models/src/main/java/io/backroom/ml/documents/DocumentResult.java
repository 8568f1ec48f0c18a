package io.backroom.ml.documents;

import io.backroom.ml.explain.Reason;
import java.util.List;

/**
 * What the reader made of one PDF. When {@code status} is not {@link Status#OK} the other fields
 * are empty and {@code message} says why, so a batch can go on with the next file.
 *
 * @param file            the file name
 * @param status          the outcome
 * @param message         a plain-words explanation for a non-OK status, else empty
 * @param documentType    the document type, or null
 * @param typeConfidence  the confidence in the type, in [0, 1]
 * @param glCategory      for an invoice without a PO reference, the predicted GL category, else null
 * @param glConfidence    the confidence in the GL category, or 0
 * @param fields          the header fields, or null
 * @param reasons         the top reasons for the type (and GL category), in plain words
 * @param model           model name and version
 * @param provenanceHash  hash of the model digest and the file's bytes
 * @param fieldConfidence how far the header fields can be trusted, in [0, 1]: 1 when every check passed
 *                        (subtotal + tax = total, due date not before the date, number, date and total
 *                        found), lower for each failed check (named in {@code reasons}); 0 when not read
 */
public record DocumentResult(String file, Status status, String message, DocumentType documentType, double typeConfidence,
                             String glCategory, double glConfidence, HeaderFields fields, List<Reason> reasons,
                             String model, String provenanceHash, double fieldConfidence) {
    /** The outcome of reading one file. */
    public enum Status {
        /** Read and classified. */
        OK,
        /** The PDF has pages but no text layer: it must go through OCR first. */
        NEEDS_OCR,
        /** The PDF is password-protected. */
        ENCRYPTED,
        /** The file is not a readable PDF. */
        MALFORMED,
        /** The PDF has no pages or the file is empty. */
        EMPTY,
        /** The file is larger than the reader accepts. */
        TOO_LARGE
    }

    /** Copies the reasons. */
    public DocumentResult {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** A result without a field confidence (1 when fields were read, else 0); the shape of reader 1.0. */
    public DocumentResult(String file, Status status, String message, DocumentType documentType, double typeConfidence,
                          String glCategory, double glConfidence, HeaderFields fields, List<Reason> reasons,
                          String model, String provenanceHash) {
        this(file, status, message, documentType, typeConfidence, glCategory, glConfidence, fields, reasons, model, provenanceHash,
                fields == null ? 0 : 1);
    }

    static DocumentResult failed(String file, Status status, String message, String model, String hash) {
        return new DocumentResult(file, status, message, null, 0, null, 0, null, List.of(), model, hash, 0);
    }
}
