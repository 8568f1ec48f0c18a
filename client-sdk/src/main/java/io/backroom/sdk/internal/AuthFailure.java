package io.backroom.sdk.internal;

import io.backroom.sdk.BackroomException;
import java.io.IOException;

/** Carries a sign-in failure through OkHttp's interceptor chain, which only lets I/O errors pass. */
final class AuthFailure extends IOException {
    private final transient BackroomException error;

    AuthFailure(BackroomException error) {
        super(error.getMessage(), error);
        this.error = error;
    }

    BackroomException error() {
        return error;
    }
}
