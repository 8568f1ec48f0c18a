package io.backroom.gateway.http;

/**
 * An RFC 9457 problem, thrown by handlers and rendered as {@code application/problem+json}.
 * {@code type} is stable per kind of error; clients branch on it, never on {@code detail}.
 */
public class Problem extends RuntimeException {
    public static final String TYPE_BASE = "https://backroom.io/problems/";

    private final int status;
    private final String type;
    private final String title;

    public Problem(int status, String typeSlug, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = TYPE_BASE + typeSlug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "not-found", "Not found", detail);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "bad-request", "Bad request", detail);
    }
}
