package io.weft.rules.compile;

import io.weft.rules.model.InvalidModelException;

/** Two different objects on one host hashed to the same kernel or OVS name. */
public class NameCollisionException extends InvalidModelException {
    public NameCollisionException(String message) {
        super(message);
    }
}
