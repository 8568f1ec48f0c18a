package io.backroom.gateway.core;

import io.backroom.api.ProblemTypes;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem, thrown by handlers and rendered as {@code application/problem+json}.
 * {@code type} is stable per kind of error (see {@link ProblemTypes}); clients branch on it, never on {@code detail}.
 */
public class Problem extends RuntimeException {
    public static final String TYPE_BASE = ProblemTypes.BASE;

    private final int status;
    private final String type;
    private final String title;
    private final transient List<FieldError> errors;
    private final transient Map<String, String> headers;
    private final transient Map<String, Object> members;

    /** One invalid field of a request body, named by its JSON path. */
    public record FieldError(String field, String message) {
    }

    public Problem(int status, String typeSlug, String title, String detail) {
        this(status, typeSlug, title, detail, List.of(), Map.of());
    }

    public Problem(int status, String typeSlug, String title, String detail, List<FieldError> errors,
            Map<String, String> headers) {
        this(status, typeSlug, title, detail, errors, headers, Map.of());
    }

    /**
     * A problem with extension {@code members} (RFC 9457 section 3.2) written beside the standard ones, such as
     * {@code currentVersion}; each must be declared on the contract's {@code Problem} schema.
     */
    public Problem(int status, String typeSlug, String title, String detail, List<FieldError> errors,
            Map<String, String> headers, Map<String, Object> members) {
        super(detail);
        this.status = status;
        this.type = TYPE_BASE + typeSlug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
        this.members = Map.copyOf(members);
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

    public List<FieldError> errors() {
        return errors;
    }

    /** Extra response headers, such as {@code Retry-After}. */
    public Map<String, String> headers() {
        return headers;
    }

    /** Extension members of the problem document, such as {@code currentVersion}. */
    public Map<String, Object> members() {
        return members;
    }

    public static Problem notFound(String detail) {
        return new Problem(404, ProblemTypes.NOT_FOUND, "Not found", detail);
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, ProblemTypes.BAD_REQUEST, "Bad request", detail);
    }

    /** A body that parsed but broke the rules; {@code errors} names each field and why. */
    public static Problem validation(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid: " + String.join("; ",
                        errors.stream().map(e -> e.field() + ": " + e.message()).toList());
        return new Problem(400, ProblemTypes.VALIDATION, "Invalid request", detail, errors, Map.of());
    }

    public static Problem validation(String field, String message) {
        return validation(List.of(new FieldError(field, message)));
    }

    public static Problem forbidden(String detail) {
        return new Problem(403, ProblemTypes.FORBIDDEN, "Not allowed", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, ProblemTypes.UNAUTHORIZED, "Not signed in", detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"backroom\""));
    }

    public static Problem conflict(String detail) {
        return new Problem(409, ProblemTypes.CONFLICT, "Conflict", detail);
    }

    public static Problem invalidTransition(String detail) {
        return new Problem(409, ProblemTypes.INVALID_TRANSITION, "Not possible in this status", detail);
    }

    /**
     * 412: the {@code If-Match} version is not the resource's. The answer carries the version the resource has now,
     * as the {@code currentVersion} member and as the {@code ETag} header, so a client can show what changed and
     * retry against it.
     */
    public static Problem stale(long currentVersion, String detail) {
        return new Problem(412, ProblemTypes.PRECONDITION_FAILED, "Changed by someone else", detail, List.of(),
                Map.of("ETag", "\"" + currentVersion + "\""), Map.of("currentVersion", currentVersion));
    }

    public static Problem preconditionRequired(String detail) {
        return new Problem(428, ProblemTypes.PRECONDITION_REQUIRED, "If-Match required", detail);
    }

    public static Problem tooLarge(String detail) {
        return new Problem(413, ProblemTypes.PAYLOAD_TOO_LARGE, "Request too large", detail);
    }
}
