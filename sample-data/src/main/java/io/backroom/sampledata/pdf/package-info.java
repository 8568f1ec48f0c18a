/**
 * PDF rendering of supplier documents with PDFBox: invoices in several supplier layouts and languages, credit
 * notes, statements and reminders, all with embedded TrueType fonts committed under
 * {@code io/backroom/sampledata/fonts}. Start with {@link io.backroom.sampledata.pdf.DocumentRenderer}.
 */
package io.backroom.sampledata.pdf;
