package io.backroom.gateway.store;

/** The gateway's database failed; wraps the driver's exception with what was being done. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
