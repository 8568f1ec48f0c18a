package io.backroom.sdk;

/** The gateway answered with an error status; carries the RFC 9457 problem fields. */
public class BackroomServiceException extends BackroomException {
    private final int status;
    private final String type;
    private final String detail;
    private final String requestId;

    public BackroomServiceException(int status, String type, String title, String detail, String requestId) {
        super(status + " " + (title == null ? "error" : title) + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.requestId = requestId;
    }

    public int status() {
        return status;
    }

    /** The stable problem type, for example {@code https://backroom.io/problems/not-found}. */
    public String type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    /** The {@code X-Request-Id} of the failed call, to quote when reporting it. */
    public String requestId() {
        return requestId;
    }
}
