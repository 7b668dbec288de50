package io.weft.server.dispatch.messaging;

import static java.util.Objects.requireNonNull;

import io.weft.server.broker.BrokerCredentials;
import io.weft.server.broker.MessageBroker;
import io.weft.server.dispatch.HostChannel;
import io.weft.server.dispatch.HostChannelDecorator;
import io.weft.server.dispatch.HostConnections;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostUpdate;
import jakarta.inject.Inject;
import java.util.function.Consumer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The dispatcher's broker connections: the channel updates leave by and the inbox agents' messages
 * arrive in. Opened once the broker runs (its URL is known only then), closed before it stops. The
 * server's own connections retry forever, so a broker restart only delays dispatching.
 */
public final class HostMessaging implements HostConnections {
    private final MessageBroker broker;
    private final BrokerCredentials manager;
    private final HostChannelDecorator decorator;
    private ActiveMQConnectionFactory factory;
    private JmsHostChannel jms;
    // Read by the dispatcher's thread, set by the thread that starts the server.
    private volatile HostChannel channel;
    private ManagerInbox inbox;

    @Inject
    public HostMessaging(MessageBroker broker, BrokerCredentials manager, HostChannelDecorator decorator) {
        this.broker = requireNonNull(broker, "broker is null");
        this.manager = requireNonNull(manager, "manager is null");
        this.decorator = requireNonNull(decorator, "decorator is null");
    }

    /** Connects to the running broker and hands every message agents send to {@code inboxHandler}. */
    @Override
    public synchronized void start(Consumer<HostMessage> inboxHandler) throws Exception {
        String url = broker.clientUrl();
        url += (url.contains("?") ? "&" : "?")
                + "reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.5&maxRetryInterval=5000";
        factory = new ActiveMQConnectionFactory(url, manager.user(), manager.password());
        jms = new JmsHostChannel(factory);
        channel = decorator.apply(jms);
        inbox = new ManagerInbox(factory, inboxHandler);
        inbox.start();
    }

    @Override
    public void send(HostUpdate update) throws Exception {
        HostChannel started = channel;
        if (started == null) {
            throw new IllegalStateException("host messaging has not started");
        }
        started.send(update);
    }

    @Override
    public synchronized void close() {
        if (inbox != null) {
            inbox.close();
        }
        if (jms != null) {
            jms.close();
        }
        if (factory != null) {
            factory.close();
        }
    }
}
