package io.weft.server.api.ec2;

import static java.util.Objects.requireNonNull;

import io.weft.server.http.ShutdownConfig;
import jakarta.inject.Inject;
import java.net.URI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The EC2 Query API's own listener ({@code ec2.host}:{@code ec2.port}): EC2 clients expect the
 * API at the root path of an endpoint, which the main listener's {@code /} cannot give them.
 * Stopping is graceful, as for the main listener.
 */
public final class Ec2HttpServer {
    private final Ec2Config config;
    private final Server server;
    private final ServerConnector connector;

    @Inject
    Ec2HttpServer(Ec2Config config, ShutdownConfig shutdown, Ec2HttpHandler handler) {
        this.config = requireNonNull(config, "config is null");
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("weft-ec2");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // The SDK adjusts its clock from Date when a request is refused for skew.
        http.setSendDateHeader(true);
        // SigV4 signs header values byte for byte; Jetty's header cache would otherwise hand back its
        // own spelling of a common value ("charset=UTF-8" for the SDK's "charset=utf-8").
        http.setHeaderCacheCaseSensitive(true);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        server.addConnector(connector);
        server.setHandler(new GracefulHandler(handler));
        server.setStopTimeout(shutdown.gracePeriod().toMillis());
        server.setStopAtShutdown(false);
    }

    public void start() throws Exception {
        server.start();
    }

    public void stop() throws Exception {
        server.stop();
    }

    /** The bound port; differs from the configured one when that was 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port}, the endpoint to give an EC2 client. */
    public URI endpoint() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.isEmpty()) {
            host = "127.0.0.1";
        } else if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port());
    }
}
