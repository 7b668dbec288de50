package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One Jetty server on one address, as every Weft listener runs it: no {@code Server} or
 * {@code X-Powered-By} header, and a graceful stop — the connector stops accepting, requests in
 * flight get up to the grace period to finish, then connections close. Main's shutdown hook stops
 * each listener, in order with the broker and the database, so Jetty's own hook stays off.
 */
public final class JettyListener {
    private final String host;
    private final Server server;
    private final ServerConnector connector;

    private JettyListener(String host, Server server, ServerConnector connector) {
        this.host = host;
        this.server = server;
        this.connector = connector;
    }

    /**
     * A listener (not yet started) whose threads are named {@code threadName}, serving {@code handler}
     * on {@code host}:{@code port} (port 0: any free one); {@code httpTuning} adjusts what a
     * listener's clients need beyond the defaults.
     */
    public static JettyListener create(
            String threadName,
            String host,
            int port,
            Duration gracePeriod,
            Handler handler,
            Consumer<HttpConfiguration> httpTuning) {
        requireNonNull(threadName, "threadName is null");
        requireNonNull(host, "host is null");
        requireNonNull(gracePeriod, "gracePeriod is null");
        requireNonNull(handler, "handler is null");
        requireNonNull(httpTuning, "httpTuning is null");
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(threadName);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        httpTuning.accept(http);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(gracePeriod.toMillis());
        server.setStopAtShutdown(false);
        return new JettyListener(host, server, connector);
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
        String shown = host;
        if (shown.equals("0.0.0.0") || shown.equals("::") || shown.isEmpty()) {
            shown = "127.0.0.1";
        } else if (shown.contains(":")) {
            shown = "[" + shown + "]";
        }
        return URI.create("http://" + shown + ":" + port());
    }
}
