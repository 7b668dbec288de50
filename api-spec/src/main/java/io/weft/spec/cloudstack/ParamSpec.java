package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One request parameter of a CloudStack command.
 *
 * @param length the longest accepted value of a {@code string} parameter (CloudStack's default is 255)
 * @param elementType for a {@code list} parameter, the type of each comma-separated element
 */
public record ParamSpec(
        String name,
        ApiType type,
        boolean required,
        int length,
        String description,
        String since,
        List<String> related,
        Optional<ApiType> elementType) {
    public static final int DEFAULT_LENGTH = 255;

    public ParamSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        requireNonNull(since, "since is null");
        related = List.copyOf(requireNonNull(related, "related is null"));
        requireNonNull(elementType, "elementType is null");
        if (length <= 0) {
            throw new IllegalArgumentException("length of " + name + " must be positive");
        }
        if (elementType.isPresent() && type != ApiType.LIST) {
            throw new IllegalArgumentException("only a list parameter has an element type: " + name);
        }
    }
}
