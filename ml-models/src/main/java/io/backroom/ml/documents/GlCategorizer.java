package io.backroom.ml.documents;

/** Predicts the general-ledger category of a non-PO expense invoice from its text. */
public interface GlCategorizer {
    /** A category with its confidence and a plain-words explanation. */
    record Prediction(String category, double confidence, String explanation) {
    }

    /** Predicts from the document text. */
    Prediction predict(String documentText);

    /** A digest identifying the model, for provenance hashes. */
    String digest();
}
