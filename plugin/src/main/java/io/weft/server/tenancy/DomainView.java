package io.weft.server.tenancy;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.UUID;

/** A domain as the APIs show it. */
public record DomainView(
        UUID id, String name, Optional<UUID> parentId, String path, int level, boolean hasChild, TenancyState state) {
    public DomainView {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(parentId, "parentId is null");
        requireNonNull(path, "path is null");
        requireNonNull(state, "state is null");
    }
}
