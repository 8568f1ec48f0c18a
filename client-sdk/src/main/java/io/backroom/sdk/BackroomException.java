package io.backroom.sdk;

/** Base of every error the SDK throws. */
public class BackroomException extends RuntimeException {
    public BackroomException(String message, Throwable cause) {
        super(message, cause);
    }

    public BackroomException(String message) {
        super(message);
    }
}
