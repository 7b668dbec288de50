package io.weft.spec.cloudstack;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One field of a response object.
 *
 * @param fields for a field that holds an object or a list of objects, the fields of those objects
 */
public record ResponseFieldSpec(String name, ApiType type, String description, List<ResponseFieldSpec> fields) {
    public ResponseFieldSpec {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(description, "description is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }
}
