package io.weft.server.api.cloudstack;

import io.weft.server.error.ErrorCode;
import io.weft.server.error.WeftException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CloudStack's text for a delete, revoke, destroy or remove of an id that does not exist: {@code
 * Invalid parameter id value=<id> due to incorrect long value format, or entity does not exist…}.
 * The Terraform provider and cloudstack-go match it (with the exact id sent) to treat the object as
 * already gone, so a vanished object must not fail their delete.
 */
public final class VanishedEntityText {
    private static final List<String> REMOVING = List.of("delete", "revoke", "destroy", "remove", "expunge");
    private static final List<String> ID_PARAMETERS = List.of("id", "nicid");

    private VanishedEntityText() {}

    /** The error text to send for {@code failure} of {@code command}. */
    public static String of(String command, Optional<Params> params, WeftException failure) {
        String lower = command.toLowerCase(Locale.ROOT);
        if (failure.code() != ErrorCode.NOT_FOUND
                || params.isEmpty()
                || REMOVING.stream().noneMatch(lower::startsWith)) {
            return failure.getMessage();
        }
        for (String name : ID_PARAMETERS) {
            Optional<String> value = params.get().get(name);
            if (value.isPresent() && failure.getMessage().contains(value.get())) {
                return "Invalid parameter " + name + " value=" + value.get()
                        + " due to incorrect long value format, or entity does not exist or due to incorrect"
                        + " parameter annotation for the field in api cmd class.";
            }
        }
        return failure.getMessage();
    }
}
