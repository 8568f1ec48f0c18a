/**
 * Reading and writing the on-disk format: one JSON Lines file per entity (optionally gzipped), ground truth under
 * {@code labels/}, PDFs under {@code pdfs/}, and a {@code manifest.json}. Start with {@link
 * io.backroom.sampledata.io.SampleDataset}.
 */
package io.backroom.sampledata.io;
