package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

/**
 * The first thing wrong with a request's parameters. CloudStack answers both kinds with errorcode 431; the kind
 * lets the API edge and tests tell them apart without reading the message.
 *
 * @param message the text for {@code errortext}, in CloudStack's wording where CloudStack has one
 */
public record ParameterProblem(Kind kind, String command, String parameter, String message) {
    public enum Kind {
        /** A required parameter is absent or empty. */
        MISSING,
        /** A value does not parse as its type, or is longer than allowed. */
        MALFORMED
    }

    public ParameterProblem {
        requireNonNull(kind, "kind is null");
        requireNonNull(command, "command is null");
        requireNonNull(parameter, "parameter is null");
        requireNonNull(message, "message is null");
    }
}
