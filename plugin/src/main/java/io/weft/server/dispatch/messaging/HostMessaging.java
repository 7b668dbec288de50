package io.weft.server.dispatch.messaging;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.weft.server.broker.BrokerCredentials;
import io.weft.server.broker.MessageBroker;
import io.weft.server.dispatch.DispatcherMetrics;
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
    private static final int CONFIRMATION_WINDOW_BYTES = 1024 * 1024;

    private final MessageBroker broker;
    private final BrokerCredentials manager;
    private final HostChannelDecorator decorator;
    private final AgentSenders senders;
    private final MeterRegistry metrics;
    private ActiveMQConnectionFactory factory;
    private JmsHostChannel jms;
    // Read by the dispatcher's thread, set by the thread that starts the server.
    private volatile HostChannel channel;
    private ManagerInbox inbox;

    @Inject
    public HostMessaging(
            MessageBroker broker,
            BrokerCredentials manager,
            HostChannelDecorator decorator,
            AgentSenders senders,
            MeterRegistry metrics) {
        this.broker = requireNonNull(broker, "broker is null");
        this.manager = requireNonNull(manager, "manager is null");
        this.decorator = requireNonNull(decorator, "decorator is null");
        this.senders = requireNonNull(senders, "senders is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /**
     * Connects to the running broker and hands every message an agent sends for its own host to
     * {@code inboxHandler}.
     */
    @Override
    public synchronized void start(Consumer<HostMessage> inboxHandler) throws Exception {
        factory = broker.connectionFactory(manager);
        factory.setReconnectAttempts(-1);
        factory.setRetryInterval(200);
        factory.setRetryIntervalMultiplier(1.5);
        factory.setMaxRetryInterval(5000);
        // The broker confirms the channel's asynchronous sends in batches of this many bytes.
        factory.setConfirmationWindowSize(CONFIRMATION_WINDOW_BYTES);
        jms = new JmsHostChannel(factory, metrics.counter(DispatcherMetrics.SEND_FAILURES));
        channel = decorator.apply(jms);
        inbox = new ManagerInbox(factory, inboxHandler, senders);
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
