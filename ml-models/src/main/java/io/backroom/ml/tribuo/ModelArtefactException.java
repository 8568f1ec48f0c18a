package io.backroom.ml.tribuo;

/**
 * A model artefact that cannot be used: missing, corrupt, or holding the wrong kind of model. The
 * message says which file, what is wrong and how to regenerate it.
 */
public final class ModelArtefactException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public ModelArtefactException(String message) {
        super(message);
    }

    /** Creates the exception with its cause. */
    public ModelArtefactException(String message, Throwable cause) {
        super(message, cause);
    }
}
