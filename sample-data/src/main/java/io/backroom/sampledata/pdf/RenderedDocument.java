package io.backroom.sampledata.pdf;

/**
 * A rendered PDF.
 *
 * @param layout the layout id it was drawn in (e.g. {@code DE}, {@code CREDIT_NOTE_FR})
 */
public record RenderedDocument(byte[] pdf, String layout, String language, int pages) {
}
