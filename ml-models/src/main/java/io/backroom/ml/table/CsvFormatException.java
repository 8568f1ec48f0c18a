package io.backroom.ml.table;

/**
 * A CSV input that cannot be used as a numeric table. The message names the file, the row (1-based,
 * the header being row 1) and the column, so a user can fix the file.
 */
public final class CsvFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the row and column at fault. */
    public CsvFormatException(String message) {
        super(message);
    }
}
