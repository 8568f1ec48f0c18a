package io.backroom.sdk;

/**
 * The gateway answered, but the answer is not what the contract promises: malformed JSON, a
 * missing required field, or an empty body where one was expected. Never retried: the same call
 * would most likely get the same answer.
 */
public class BackroomInvalidResponseException extends BackroomException {
    private final int status;
    private final String requestId;

    /**
     * @param message   what was wrong with the answer
     * @param status    the HTTP status of the answer
     * @param requestId the {@code X-Request-Id} of the answer, or {@code null}
     * @param cause     the parse error, or {@code null}
     */
    public BackroomInvalidResponseException(String message, int status, String requestId, Throwable cause) {
        super(message + (requestId == null ? "" : " (request " + requestId + ")"), cause);
        this.status = status;
        this.requestId = requestId;
    }

    /** The HTTP status of the unreadable answer. */
    public int status() {
        return status;
    }

    /** The {@code X-Request-Id} of the answer, or {@code null} if the gateway sent none. */
    public String requestId() {
        return requestId;
    }
}
