package io.backroom.sdk;

import java.util.List;
import java.util.Map;

/** 401 Unauthorized: no valid credentials. Thrown after the client has already tried once to obtain a fresh token. */
public class UnauthorizedException extends BackroomServiceException {
    /** See {@link BackroomServiceException#BackroomServiceException(int, ProblemDetails, Map)}. */
    public UnauthorizedException(int status, ProblemDetails problem, Map<String, List<String>> headers) {
        super(status, problem, headers);
    }
}
