package io.backroom.sampledata.io;

/** A data set could not be read or written; the message names the file and, for bad data, the line. */
public class SampleDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SampleDataException(String message) {
        super(message);
    }

    public SampleDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
