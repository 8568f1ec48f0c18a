package io.backroom.sdk;

import java.util.List;
import java.util.Map;

/** 5xx: the gateway or the ERP behind it failed. Thrown once the call's retries are used up. */
public class ServerErrorException extends BackroomServiceException {
    /** See {@link BackroomServiceException#BackroomServiceException(int, ProblemDetails, Map)}. */
    public ServerErrorException(int status, ProblemDetails problem, Map<String, List<String>> headers) {
        super(status, problem, headers);
    }
}
