package io.backroom.sdk;

import java.util.List;
import java.util.Map;

/**
 * 412 Precondition Failed: the {@code If-Match} version sent with a write is no longer the
 * resource's version; someone else changed it first. {@link #currentVersion()} carries the version
 * it has now.
 */
public class PreconditionFailedException extends ConflictException {
    /** See {@link BackroomServiceException#BackroomServiceException(int, ProblemDetails, Map)}. */
    public PreconditionFailedException(int status, ProblemDetails problem, Map<String, List<String>> headers) {
        super(status, problem, headers);
    }
}
