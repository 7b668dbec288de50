package io.weft.server.service;

import io.weft.server.error.WeftException;
import java.util.Optional;

/**
 * What every stored free-text field (names, descriptions) must be: no longer than its column, and
 * free of control characters, which the XML answers cannot carry and the JSON ones would carry
 * only escaped, so the value would not come back as it was sent. Refused with INVALID_PARAMETER
 * before anything is written, rather than failing in the database as an internal error.
 */
public final class TextFields {
    /** The descriptions' columns (groups, rules, NICs) hold this many characters. */
    public static final int DESCRIPTION_LENGTH = 255;

    private TextFields() {}

    public static String checked(String field, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw WeftException.invalid(field + " is longer than " + maxLength + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw WeftException.invalid(field + " contains a control character");
        }
        if (value.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
            throw WeftException.invalid(field + " is not valid Unicode text");
        }
        return value;
    }

    public static Optional<String> checked(String field, Optional<String> value, int maxLength) {
        return value.map(text -> checked(field, text, maxLength));
    }

    /** A description: at most {@link #DESCRIPTION_LENGTH} characters, no control characters. */
    public static Optional<String> description(String field, Optional<String> value) {
        return checked(field, value, DESCRIPTION_LENGTH);
    }
}
