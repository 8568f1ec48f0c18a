package io.backroom.gateway.core.erp;

/** The ERP refused a call (a rule of its own, unknown data): retrying the same call gives the same answer. */
public class ErpException extends RuntimeException {
    public ErpException(String message) {
        super(message);
    }

    public ErpException(String message, Throwable cause) {
        super(message, cause);
    }
}
