package io.backroom.sdk;

import java.util.List;
import java.util.Map;

/** 404 Not Found: the resource does not exist or is not visible to this user. */
public class NotFoundException extends BackroomServiceException {
    /** See {@link BackroomServiceException#BackroomServiceException(int, ProblemDetails, Map)}. */
    public NotFoundException(int status, ProblemDetails problem, Map<String, List<String>> headers) {
        super(status, problem, headers);
    }
}
