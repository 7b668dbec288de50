package io.weft.rules.model;

/** The host model is inconsistent or breaks a limit (quota, name collision, unknown reference). */
public class InvalidModelException extends IllegalArgumentException {
    public InvalidModelException(String message) {
        super(message);
    }
}
