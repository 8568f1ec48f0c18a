package io.backroom.ml.documents;

/** The kinds of supplier document the reader tells apart. */
public enum DocumentType {
    /** An invoice (against a PO, or a non-PO expense invoice). */
    INVOICE,
    /** A credit note / credit memo. */
    CREDIT_NOTE,
    /** A statement of account. */
    STATEMENT,
    /** A payment reminder / dunning letter. */
    REMINDER,
    /** A quote, estimate or pro-forma invoice (not payable). */
    QUOTE
}
