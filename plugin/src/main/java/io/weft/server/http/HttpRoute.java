package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import org.eclipse.jetty.server.Handler;

/**
 * One path the HTTP server answers, and who answers it. Features add routes with {@link
 * HttpRoutes#bind}.
 *
 * @param path the exact request path, e.g. {@code /health}, or a prefix ending in {@code /*}
 *     ({@code /api/v1/*}) that answers every path below it
 * @param name a short, fixed name for metrics, e.g. {@code cloudstack}
 */
public record HttpRoute(String path, String name, Handler handler) {
    public HttpRoute {
        requireNonNull(path, "path is null");
        requireNonNull(name, "name is null");
        requireNonNull(handler, "handler is null");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
    }
}
