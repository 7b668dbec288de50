package io.weft.server.api.ec2;

import io.weft.server.http.JettyListener;
import io.weft.server.http.ShutdownConfig;
import jakarta.inject.Inject;
import java.net.URI;

/**
 * The EC2 Query API's own listener ({@code ec2.host}:{@code ec2.port}): EC2 clients expect the
 * API at the root path of an endpoint, which the main listener's {@code /} cannot give them.
 * Stopping is graceful, as for the main listener.
 */
public final class Ec2HttpServer {
    private final JettyListener listener;

    @Inject
    Ec2HttpServer(Ec2Config config, ShutdownConfig shutdown, Ec2HttpHandler handler) {
        listener = JettyListener.create(
                "weft-ec2", config.host(), config.port(), config.tls(), shutdown.gracePeriod(), handler, http -> {
                    // The SDK adjusts its clock from Date when a request is refused for skew.
                    http.setSendDateHeader(true);
                    // SigV4 signs header values byte for byte; Jetty's header cache would otherwise hand
                    // back its own spelling of a common value ("charset=UTF-8" for the SDK's "charset=utf-8").
                    http.setHeaderCacheCaseSensitive(true);
                });
    }

    public void start() throws Exception {
        listener.start();
    }

    public void stop() throws Exception {
        listener.stop();
    }

    /** The bound port; differs from the configured one when that was 0. */
    public int port() {
        return listener.port();
    }

    /** {@code http(s)://host:port}, the endpoint to give an EC2 client. */
    public URI endpoint() {
        return listener.baseUri();
    }
}
