package io.weft.server.dispatch.messaging;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.MeterRegistry;
import io.weft.server.broker.BrokerCredentials;
import io.weft.server.broker.MessageBroker;
import io.weft.server.dispatch.DispatchSettings;
import io.weft.server.dispatch.Dispatcher;
import io.weft.server.dispatch.FleetStore;
import io.weft.server.dispatch.HostChannelDecorator;
import io.weft.server.dispatch.PortEvents;
import jakarta.inject.Inject;
import java.time.Clock;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.hibernate.SessionFactory;

/**
 * The dispatcher with its broker connections: started once the broker runs, stopped before it
 * stops. The server's own connections retry forever, so a broker restart only delays dispatching.
 */
public final class HostMessaging implements AutoCloseable {
    private final MessageBroker broker;
    private final BrokerCredentials manager;
    private final SessionFactory sessions;
    private final Clock clock;
    private final DispatchSettings settings;
    private final MeterRegistry metrics;
    private final PortEvents portEvents;
    private final HostChannelDecorator decorator;
    private ActiveMQConnectionFactory factory;
    private JmsHostChannel channel;
    private ManagerInbox inbox;
    private Dispatcher dispatcher;

    @Inject
    public HostMessaging(
            MessageBroker broker,
            BrokerCredentials manager,
            SessionFactory sessions,
            Clock clock,
            DispatchSettings settings,
            MeterRegistry metrics,
            PortEvents portEvents,
            HostChannelDecorator decorator) {
        this.broker = requireNonNull(broker, "broker is null");
        this.manager = requireNonNull(manager, "manager is null");
        this.sessions = requireNonNull(sessions, "sessions is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.portEvents = requireNonNull(portEvents, "portEvents is null");
        this.decorator = requireNonNull(decorator, "decorator is null");
    }

    public synchronized void start() throws Exception {
        String url = broker.clientUrl();
        url += (url.contains("?") ? "&" : "?")
                + "reconnectAttempts=-1&retryInterval=200&retryIntervalMultiplier=1.5&maxRetryInterval=5000";
        factory = new ActiveMQConnectionFactory(url, manager.user(), manager.password());
        channel = new JmsHostChannel(factory);
        dispatcher = new Dispatcher(
                sessions,
                new FleetStore(settings),
                decorator.apply(channel),
                clock,
                settings,
                metrics,
                portEvents::portStatus);
        inbox = new ManagerInbox(factory, dispatcher::onMessage);
        inbox.start();
        dispatcher.start();
    }

    /** The running dispatcher; for the operator API and "apply and wait". */
    public synchronized Dispatcher dispatcher() {
        if (dispatcher == null) {
            throw new IllegalStateException("host messaging has not started");
        }
        return dispatcher;
    }

    @Override
    public synchronized void close() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        if (inbox != null) {
            inbox.close();
        }
        if (channel != null) {
            channel.close();
        }
        if (factory != null) {
            factory.close();
        }
    }
}
