package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/**
 * Sends each request to the route of its exact path and times it, tagged by route, method and
 * status ({@code http_server_requests_seconds}). Unknown paths get 404 and the route tag {@code
 * none}, so that scanners cannot blow up the number of time series.
 */
final class Router extends Handler.Abstract {
    private final Map<String, HttpRoute> routes;
    private final MeterRegistry meters;

    Router(Set<HttpRoute> routes, MeterRegistry meters) {
        Map<String, HttpRoute> byPath = new TreeMap<>();
        for (HttpRoute route : routes) {
            HttpRoute previous = byPath.put(route.path(), route);
            if (previous != null) {
                throw new IllegalStateException(
                        "two HTTP routes for " + route.path() + ": " + previous.name() + " and " + route.name());
            }
        }
        this.routes = Map.copyOf(byPath);
        this.meters = requireNonNull(meters, "meters is null");
        routes.forEach(route -> addBean(route.handler()));
    }

    @Override
    public void setServer(Server server) {
        super.setServer(server);
        routes.values().forEach(route -> route.handler().setServer(server));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        HttpRoute route = route(Request.getPathInContext(request));
        String routeName = route == null ? "none" : route.name();
        Timer.Sample sample = Timer.start(meters);
        Callback timed = new Callback() {
            @Override
            public void succeeded() {
                record(response.getStatus());
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                record(500);
                callback.failed(failure);
            }

            private void record(int status) {
                sample.stop(Timer.builder("http.server.requests")
                        .description("HTTP requests by route, method and status")
                        .tag("route", routeName)
                        .tag("method", knownMethod(request.getMethod()))
                        .tag("status", Integer.toString(status))
                        .register(meters));
            }
        };
        if (route == null) {
            HttpResponses.send(response, 404, "text/plain; charset=UTF-8", "not found\n", timed);
            return true;
        }
        if (!route.handler().handle(request, response, timed)) {
            HttpResponses.send(response, 404, "text/plain; charset=UTF-8", "not found\n", timed);
        }
        return true;
    }

    /** The route of the exact path, else of the longest prefix route ({@code /api/v1/*}) covering it. */
    private HttpRoute route(String path) {
        HttpRoute exact = routes.get(path);
        if (exact != null) {
            return exact;
        }
        HttpRoute best = null;
        for (HttpRoute route : routes.values()) {
            if (route.path().endsWith("/*")) {
                String prefix = route.path().substring(0, route.path().length() - 1);
                if (path.startsWith(prefix)
                        && (best == null || route.path().length() > best.path().length())) {
                    best = route;
                }
            }
        }
        return best;
    }

    private static String knownMethod(String method) {
        return switch (method) {
            case "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH" -> method;
            default -> "OTHER";
        };
    }
}
