package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * One Jetty server on one address, as every Weft listener runs it: no {@code Server} or
 * {@code X-Powered-By} header, and a graceful stop — the connector stops accepting, requests in
 * flight get up to the grace period to finish, then connections close. Main's shutdown hook stops
 * each listener, in order with the broker and the database, so Jetty's own hook stays off.
 *
 * <p>With {@link ListenerTls} the port speaks HTTPS; a plain HTTP request there is not understood
 * (the client sees its connection closed) unless plain HTTP is allowed, in which case Jetty tells
 * the two apart by the first bytes of each connection.
 */
public final class JettyListener {
    private final String host;
    private final Server server;
    private final ServerConnector connector;
    private final String scheme;

    private JettyListener(String host, Server server, ServerConnector connector, String scheme) {
        this.host = host;
        this.server = server;
        this.connector = connector;
        this.scheme = scheme;
    }

    /**
     * A listener (not yet started) whose threads are named {@code threadName}, serving {@code handler}
     * on {@code host}:{@code port} (port 0: any free one); {@code httpTuning} adjusts what a
     * listener's clients need beyond the defaults; {@code tls}, when present, makes it HTTPS.
     */
    public static JettyListener create(
            String threadName,
            String host,
            int port,
            Optional<ListenerTls> tls,
            Duration gracePeriod,
            Handler handler,
            Consumer<HttpConfiguration> httpTuning) {
        requireNonNull(threadName, "threadName is null");
        requireNonNull(host, "host is null");
        requireNonNull(gracePeriod, "gracePeriod is null");
        requireNonNull(handler, "handler is null");
        requireNonNull(httpTuning, "httpTuning is null");
        requireNonNull(tls, "tls is null");
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName(threadName);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        httpTuning.accept(http);
        ServerConnector connector = new ServerConnector(server, connectionFactories(http, tls));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(gracePeriod.toMillis());
        server.setStopAtShutdown(false);
        return new JettyListener(host, server, connector, tls.isPresent() ? "https" : "http");
    }

    /** HTTP/1.1, behind TLS when configured, and behind a TLS-or-plain detector when plain is allowed. */
    private static ConnectionFactory[] connectionFactories(HttpConfiguration http, Optional<ListenerTls> tls) {
        if (tls.isEmpty()) {
            return new ConnectionFactory[] {new HttpConnectionFactory(http)};
        }
        // Marks requests secure (request.isSecure()) and checks that the Host header agrees with SNI.
        http.addCustomizer(new SecureRequestCustomizer());
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);
        SslContextFactory.Server context = new SslContextFactory.Server();
        context.setKeyStorePath(tls.get().keyStorePath().toString());
        context.setKeyStorePassword(tls.get().keyStorePassword());
        context.setKeyStoreType(tls.get().storeType());
        SslConnectionFactory ssl = new SslConnectionFactory(context, http11.getProtocol());
        if (tls.get().allowPlainHttp()) {
            // A connection that does not start with a TLS handshake falls through to the next factory.
            return new ConnectionFactory[] {new DetectorConnectionFactory(ssl), http11};
        }
        return new ConnectionFactory[] {ssl, http11};
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

    /**
     * {@code http://host:port} (or {@code https://} with TLS), with a wildcard bind address shown as
     * loopback so it can be used.
     */
    public URI baseUri() {
        String shown = host;
        if (shown.equals("0.0.0.0") || shown.equals("::") || shown.isEmpty()) {
            shown = "127.0.0.1";
        } else if (shown.contains(":")) {
            shown = "[" + shown + "]";
        }
        return URI.create(scheme + "://" + shown + ":" + port());
    }
}
