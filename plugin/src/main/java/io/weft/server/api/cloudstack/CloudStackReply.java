package io.weft.server.api.cloudstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * What the edge sends back: the HTTP status (which equals {@code errorcode} on errors), the
 * envelope tree, and for errors the text CloudStack also puts in the {@code X-Description} header.
 *
 * @param command the registered command name, or {@code unknown}; a bounded set, used as a metric
 *     tag
 */
public record CloudStackReply(
        int status, ObjectNode envelope, ResponseFormat format, String command, Optional<String> description) {
    public CloudStackReply {
        requireNonNull(envelope, "envelope is null");
        requireNonNull(format, "format is null");
        requireNonNull(command, "command is null");
        requireNonNull(description, "description is null");
    }
}
