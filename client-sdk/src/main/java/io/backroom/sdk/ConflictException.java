package io.backroom.sdk;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 409 Conflict: the resource changed state in a way that makes this call impossible (for example
 * approving an invoice that is already paid). {@link #currentVersion()} tells the version the
 * resource has now, so the caller can re-read it and decide again.
 */
public class ConflictException extends BackroomServiceException {
    /** See {@link BackroomServiceException#BackroomServiceException(int, ProblemDetails, Map)}. */
    public ConflictException(int status, ProblemDetails problem, Map<String, List<String>> headers) {
        super(status, problem, headers);
    }

    /**
     * The resource's current version: the problem's {@code currentVersion} member, else the
     * answer's {@code ETag} (without quotes or weak prefix); empty when the gateway sent neither.
     */
    public Optional<String> currentVersion() {
        Optional<String> fromProblem = problem().extension("currentVersion");
        if (fromProblem.isPresent()) {
            return fromProblem;
        }
        return header("ETag").map(ConflictException::unquote);
    }

    private static String unquote(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"") ? tag.substring(1, tag.length() - 1) : tag;
    }
}
