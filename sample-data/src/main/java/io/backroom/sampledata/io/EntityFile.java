package io.backroom.sampledata.io;

import java.util.Objects;

/**
 * A typed handle on one JSON Lines file of a data set, e.g. {@link DataFiles#INVOICES}.
 *
 * @param <T> the record type of each line
 */
public final class EntityFile<T> {
    private final String path;
    private final Class<T> type;

    EntityFile(String path, Class<T> type) {
        this.path = Objects.requireNonNull(path);
        this.type = Objects.requireNonNull(type);
    }

    /** Path relative to the data set root without the extension, e.g. {@code labels/invoice-labels}. */
    public String path() {
        return path;
    }

    /** The record type of each line. */
    public Class<T> type() {
        return type;
    }

    /** Whether this file holds ground truth (lives under {@code labels/}). */
    public boolean isLabel() {
        return path.startsWith(DataFiles.LABELS_DIR + "/");
    }

    /** Key used for this file in the manifest's counts, e.g. {@code invoices} or {@code labels/shift-labels}. */
    public String countKey() {
        return path;
    }

    @Override
    public String toString() {
        return path;
    }
}
