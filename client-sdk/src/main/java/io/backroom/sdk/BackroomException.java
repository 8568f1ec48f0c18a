package io.backroom.sdk;

/**
 * Base of every error the SDK throws. Catch a subclass to react to one kind of failure:
 * {@link BackroomServiceException} (the gateway answered with an error status),
 * {@link BackroomIoException} (no usable answer arrived), {@link BackroomInvalidResponseException}
 * (an answer arrived but could not be read) or {@link IncompatibleApiVersionException}.
 */
public class BackroomException extends RuntimeException {
    /** An error with a message and the exception that caused it. */
    public BackroomException(String message, Throwable cause) {
        super(message, cause);
    }

    /** An error with a message only. */
    public BackroomException(String message) {
        super(message);
    }
}
