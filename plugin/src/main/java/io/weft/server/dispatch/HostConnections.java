package io.weft.server.dispatch;

import io.weft.spec.host.HostMessage;
import java.util.function.Consumer;

/**
 * The dispatcher's link to the agents: updates leave through it, and once started, every message
 * agents send arrives at the handler. It can open only once the broker runs, which is later than
 * the dispatcher is built, so opening is a step of the server's start order.
 */
public interface HostConnections extends HostChannel, AutoCloseable {
    void start(Consumer<HostMessage> inboxHandler) throws Exception;

    @Override
    void close();
}
