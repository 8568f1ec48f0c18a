package io.backroom.gateway.core.erp;

/**
 * The ERP could not be reached, or did not answer in time: the call may or may not have been applied, and may be
 * retried (every ERP write is idempotent).
 */
public class ErpUnavailableException extends ErpException {
    public ErpUnavailableException(String message) {
        super(message);
    }

    public ErpUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
