package io.backroom.ml.data;

/** A data-set folder that does not follow the sample-data on-disk format; the message names file and line. */
public final class DatasetFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public DatasetFormatException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Creates the exception. */
    public DatasetFormatException(String message) {
        super(message);
    }
}
