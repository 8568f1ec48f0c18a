package io.backroom.app.services;

import io.backroom.app.services.store.StoreException;
import io.backroom.sdk.BackroomIoException;
import io.backroom.sdk.BackroomServiceException;
import java.io.UncheckedIOException;

/**
 * Turns a failure into one plain sentence a clerk can act on. The details go to the log where the
 * failure is handled; the person sees only this.
 */
public final class UserMessages {
    private UserMessages() {
    }

    /** What went wrong while {@code doing} (for example "exporting the audit report"), and what to do next. */
    public static String describe(String doing, Throwable error) {
        Throwable e = error;
        while (e.getCause() != null && (e instanceof java.util.concurrent.ExecutionException
                || e instanceof java.util.concurrent.CompletionException)) {
            e = e.getCause();
        }
        if (e instanceof BackroomIoException) {
            return "The gateway did not answer while " + doing + ". Your work is kept; try again when the status bar "
                    + "shows it connected.";
        }
        if (e instanceof BackroomServiceException s) {
            if (s.status() == 401) {
                return "Your session has ended while " + doing + ". Sign in again.";
            }
            if (s.status() == 403) {
                return "You are not allowed to do this" + (s.detail() == null ? "." : ": " + s.detail());
            }
            return "The gateway refused " + doing + (s.detail() == null ? "." : ": " + s.detail())
                    + (s.requestId() == null ? "" : " (request " + s.requestId() + ")");
        }
        if (e instanceof StoreException) {
            return "The console's local data could not be used while " + doing + ". Check that the disk is not full, "
                    + "then try again; details are in the log.";
        }
        if (e instanceof UncheckedIOException || e instanceof java.io.IOException) {
            return "A file could not be read or written while " + doing + ": " + firstLine(e.getMessage());
        }
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            return firstLine(e.getMessage());
        }
        return "Something went wrong while " + doing + ". Try again; details are in the log.";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details were given.";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
