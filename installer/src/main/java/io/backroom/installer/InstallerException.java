package io.backroom.installer;

/** A packaging step failed; the message names the step and what to fix. */
public final class InstallerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InstallerException(String message) {
        super(message);
    }

    public InstallerException(String message, Throwable cause) {
        super(message, cause);
    }
}
