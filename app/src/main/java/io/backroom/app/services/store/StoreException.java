package io.backroom.app.services.store;

/** The console's local database could not be opened, read or written. The message says which and why. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
