package io.weft.server.catalogue;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** An operating system a template may declare, with the category CloudStack files it under. */
public record OsType(UUID id, String description, UUID categoryId, String categoryName) {
    public OsType {
        requireNonNull(id, "id is null");
        requireNonNull(description, "description is null");
        requireNonNull(categoryId, "categoryId is null");
        requireNonNull(categoryName, "categoryName is null");
    }
}
