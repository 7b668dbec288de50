package io.weft.server.tags;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** A tag as both APIs list it: the resource it is on, its key and value, and the owner. */
public record TagView(TaggedType resourceType, UUID resourceId, String key, String value, UUID accountId) {
    public TagView {
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(resourceId, "resourceId is null");
        requireNonNull(key, "key is null");
        requireNonNull(value, "value is null");
        requireNonNull(accountId, "accountId is null");
    }
}
