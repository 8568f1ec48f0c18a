package io.backroom.sdk;

import java.util.List;
import java.util.Map;

/** 403 Forbidden: the signed-in user may not do this (for example approve over their limit). */
public class ForbiddenException extends BackroomServiceException {
    /** See {@link BackroomServiceException#BackroomServiceException(int, ProblemDetails, Map)}. */
    public ForbiddenException(int status, ProblemDetails problem, Map<String, List<String>> headers) {
        super(status, problem, headers);
    }
}
