package io.backroom.sdk;

/** The gateway could not be reached, or the connection broke or timed out. */
public class BackroomIoException extends BackroomException {
    public BackroomIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
