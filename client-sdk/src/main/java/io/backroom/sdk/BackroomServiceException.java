package io.backroom.sdk;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The gateway answered with an error status. Carries the status, the RFC 9457 problem fields,
 * the request id to quote when reporting it, and the answer's headers. Subclasses name the common
 * families: {@link BadRequestException}, {@link UnauthorizedException}, {@link ForbiddenException},
 * {@link NotFoundException}, {@link ConflictException} (and {@link PreconditionFailedException}),
 * {@link RateLimitedException} and {@link ServerErrorException}.
 */
public class BackroomServiceException extends BackroomException {
    private final int status;
    private final ProblemDetails problem;
    private final Map<String, List<String>> headers;

    /**
     * @param status  the HTTP status
     * @param problem the problem document (never {@code null}; blank when the gateway sent none)
     * @param headers the answer's headers; names are matched case-insensitively
     */
    public BackroomServiceException(int status, ProblemDetails problem, Map<String, List<String>> headers) {
        super(message(status, problem));
        this.status = status;
        this.problem = problem;
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        this.headers = java.util.Collections.unmodifiableMap(copy);
    }

    private static String message(int status, ProblemDetails problem) {
        StringBuilder text = new StringBuilder().append(status);
        text.append(' ').append(problem.title().isEmpty() ? "error" : problem.title());
        if (problem.detail() != null) {
            text.append(": ").append(problem.detail());
        }
        if (problem.requestId() != null) {
            text.append(" (request ").append(problem.requestId()).append(')');
        }
        return text.toString();
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The whole problem document. */
    public ProblemDetails problem() {
        return problem;
    }

    /** The stable problem type, for example {@code https://backroom.io/problems/not-found}. */
    public String type() {
        return problem.type();
    }

    /** The problem's title. */
    public String title() {
        return problem.title();
    }

    /** What went wrong with this call, for people; may be {@code null}. */
    public String detail() {
        return problem.detail();
    }

    /** The {@code X-Request-Id} of the failed call, to quote when reporting it; may be {@code null}. */
    public String requestId() {
        return problem.requestId();
    }

    /** All headers of the error answer; look-ups ignore case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header of the error answer. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
