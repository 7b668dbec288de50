package io.weft.spec.host;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One keyed entry of a host's desired state on the wire: its kind and its fields in canonical
 * order. The key is a function of the fields, so it is not sent twice.
 */
public record WireEntry(String kind, List<String> fields) {
    public WireEntry {
        requireNonNull(kind, "kind is null");
        fields = List.copyOf(requireNonNull(fields, "fields is null"));
    }
}
