package io.weft.spec;

/** A catalogue resource is missing or does not describe a consistent API; a build-time defect, never a user error. */
public final class CatalogueException extends RuntimeException {
    public CatalogueException(String message) {
        super(message);
    }

    public CatalogueException(String message, Throwable cause) {
        super(message, cause);
    }
}
