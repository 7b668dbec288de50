package io.weft.server.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Checks, before the embedded broker starts, that its acceptor can listen: Artemis logs a failed
 * bind and starts anyway without it, so the server would wait for a broker nobody can reach.
 */
final class AcceptorPort {
    private AcceptorPort() {}

    static void requireFree(String host, int port) {
        if (port == 0) {
            return; // any free port: nothing to collide with
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new IllegalStateException("the broker cannot listen on " + host + ":" + port + " ("
                    + e.getMessage() + "): another process holds the port; set broker.port (WEFT_BROKER_PORT)"
                    + " to a free one");
        }
    }
}
