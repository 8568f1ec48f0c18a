package io.backroom.sdk;

import java.util.List;
import java.util.Map;

/** 400 Bad Request (or 422): the request was malformed or failed validation; {@link #detail()} names what is wrong. */
public class BadRequestException extends BackroomServiceException {
    /** See {@link BackroomServiceException#BackroomServiceException(int, ProblemDetails, Map)}. */
    public BadRequestException(int status, ProblemDetails problem, Map<String, List<String>> headers) {
        super(status, problem, headers);
    }
}
