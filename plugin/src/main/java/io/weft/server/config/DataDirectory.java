package io.weft.server.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * The server's data directory, injectable on its own: the database, the broker journal, keys and
 * {@code admin.credentials} live under it.
 */
public record DataDirectory(Path path) {
    public DataDirectory {
        requireNonNull(path, "path is null");
        path = path.toAbsolutePath().normalize();
    }
}
