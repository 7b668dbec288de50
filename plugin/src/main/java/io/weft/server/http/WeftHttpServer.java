package io.weft.server.http;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Set;

/**
 * The Jetty server behind every HTTP route. Stopping is graceful: the connector stops accepting,
 * requests in flight get up to {@code shutdown.gracePeriod} to finish, then connections close.
 */
public final class WeftHttpServer {
    private final JettyListener listener;

    @Inject
    public WeftHttpServer(HttpConfig config, ShutdownConfig shutdown, Set<HttpRoute> routes, MeterRegistry meters) {
        listener = JettyListener.create(
                "weft-http",
                config.host(),
                config.port(),
                config.tls(),
                shutdown.gracePeriod(),
                new Router(routes, meters),
                http -> {});
    }

    public void start() throws Exception {
        listener.start();
    }

    /** Stops accepting, waits for requests in flight (up to the grace period), then closes. */
    public void stop() throws Exception {
        listener.stop();
    }

    public boolean isRunning() {
        return listener.isRunning();
    }

    /** The bound port; differs from the configured one when that was 0. */
    public int port() {
        return listener.port();
    }

    /** {@code http(s)://host:port}, with a wildcard bind address shown as loopback so it can be used. */
    public URI baseUri() {
        return listener.baseUri();
    }
}
