package io.backroom.sdk.internal;

import java.io.IOException;
import java.util.Set;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the bearer token to every call but the public ones, and when the gateway answers 401 gets a
 * fresh token once and replays the call with it.
 */
final class AuthInterceptor implements Interceptor {
    private static final Set<String> PUBLIC_PATHS = Set.of("/api/v1/health", "/" + TokenSource.TOKEN_PATH);

    private final TokenSource tokens;

    AuthInterceptor(TokenSource tokens) {
        this.tokens = tokens;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String path = request.url().encodedPath();
        if (request.header("Authorization") != null || PUBLIC_PATHS.stream().anyMatch(path::endsWith)) {
            return chain.proceed(request);
        }
        String token = tokens.current();
        Response response = chain.proceed(withToken(request, token));
        if (response.code() != 401 || !tokens.canRefresh()) {
            return response;
        }
        response.close();
        return chain.proceed(withToken(request, tokens.refresh(token)));
    }

    private static Request withToken(Request request, String token) {
        return request.newBuilder().header("Authorization", "Bearer " + token).build();
    }
}
