package io.weft.server.catalogue;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;

/** The name rule of offerings and templates: present, and no longer than its column. */
final class CatalogueNames {
    private static final int MAX_LENGTH = 255;

    private CatalogueNames() {}

    static String check(String what, String name) {
        if (name == null || name.isBlank()) {
            throw new WeftException(ErrorCode.MISSING_PARAMETER, "a " + what + " name is required");
        }
        if (name.length() > MAX_LENGTH) {
            throw WeftException.invalid(what + " name is longer than " + MAX_LENGTH + " characters");
        }
        return name;
    }
}
