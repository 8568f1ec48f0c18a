package io.backroom.sdk;

/**
 * The gateway could not be reached, or the connection broke or timed out before a complete
 * answer arrived. Thrown once the call's retries are used up.
 */
public class BackroomIoException extends BackroomException {
    /** An I/O failure with its cause. */
    public BackroomIoException(String message, Throwable cause) {
        super(message, cause);
    }
}
