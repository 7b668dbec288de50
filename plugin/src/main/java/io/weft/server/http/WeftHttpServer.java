package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Set;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty server behind every HTTP route. Stopping is graceful: the connector stops accepting,
 * requests in flight get up to {@code shutdown.gracePeriod} to finish, then connections close.
 */
public final class WeftHttpServer {
    private final HttpConfig config;
    private final Server server;
    private final ServerConnector connector;

    @Inject
    public WeftHttpServer(HttpConfig config, ShutdownConfig shutdown, Set<HttpRoute> routes, MeterRegistry meters) {
        this.config = requireNonNull(config, "config is null");
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("weft-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(new Router(routes, meters)));
        server.setStopTimeout(shutdown.gracePeriod().toMillis());
        // Main's shutdown hook stops the server, in order with the broker and the database.
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
    }

    /** Stops accepting, waits for requests in flight (up to the grace period), then closes. */
    public void stop() throws Exception {
        server.stop();
    }

    public boolean isRunning() {
        return server.isRunning();
    }

    /** The bound port; differs from the configured one when that was 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port}, with a wildcard bind address shown as loopback so it can be used. */
    public URI baseUri() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }
}
