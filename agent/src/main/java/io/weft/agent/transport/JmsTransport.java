package io.weft.agent.transport;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostQueues;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.MalformedMessageException;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.activemq.artemis.jms.client.ActiveMQConnection;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jakarta JMS over ActiveMQ Artemis: consumes this host's durable queue and sends to the manager's.
 * Short outages are bridged by the Artemis client itself (reconnect and failover per the URL); when
 * the connection is lost for good, a supervisor thread rebuilds it with exponential backoff. After
 * every (re)connection the listener hears {@code onConnected}, and the agent asks for FULL.
 *
 * <p>The consumer's session acknowledges a message only after the listener returns, so an update
 * is not lost between receipt and apply; a crash in between means the agent asks for FULL on start.
 */
public final class JmsTransport implements AgentTransport {
    private static final Logger LOG = LoggerFactory.getLogger(JmsTransport.class);

    private final String hostId;
    private final JmsSettings settings;
    private final HostMessageCodec codec = new HostMessageCodec();
    private final Object sendLock = new Object();
    private volatile boolean closed;
    private volatile CountDownLatch lost = new CountDownLatch(1);
    private Thread supervisor;
    private ActiveMQConnectionFactory factory;
    private Connection connection;
    private Session producerSession;
    private MessageProducer producer;

    public JmsTransport(String hostId, JmsSettings settings) {
        this.hostId = requireNonNull(hostId, "hostId is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    @Override
    public synchronized void start(Listener listener) {
        requireNonNull(listener, "listener is null");
        if (supervisor != null) {
            throw new IllegalStateException("already started");
        }
        supervisor = new Thread(() -> supervise(listener), "weft-agent-jms-" + hostId);
        supervisor.setDaemon(true);
        supervisor.start();
    }

    /**
     * Connects and reconnects until closed. Whichever way the loop ends (closed, or interrupted by
     * {@link #close()} while a connection was being made), the connection it made is closed here,
     * on this thread: {@code close()} may run before that connection was published.
     */
    private void supervise(Listener listener) {
        try {
            superviseUntilClosed(listener);
        } finally {
            disconnect();
        }
    }

    private void superviseUntilClosed(Listener listener) {
        Duration backoff = settings.minBackoff();
        while (!closed) {
            try {
                connect(listener);
                if (closed) {
                    // Closed while connecting: the client may have swallowed the interrupt, so
                    // waiting for the connection to be lost could wait forever with it open.
                    return;
                }
                backoff = settings.minBackoff();
                listener.onConnected();
                lost.await();
            } catch (JMSException | RuntimeException e) {
                LOG.warn("host {}: broker {} unreachable: {}", hostId, settings.brokerUrl(), e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            disconnect();
            if (closed) {
                return;
            }
            try {
                Thread.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0
                    ? settings.maxBackoff()
                    : backoff.multipliedBy(2);
        }
    }

    private void connect(Listener listener) throws JMSException {
        lost = new CountDownLatch(1);
        ActiveMQConnectionFactory freshFactory = new ActiveMQConnectionFactory(settings.brokerUrl());
        Connection fresh;
        try {
            fresh = freshFactory.createConnection(settings.username(), settings.password());
        } catch (JMSException | RuntimeException e) {
            freshFactory.close();
            throw e;
        }
        try {
            fresh.setExceptionListener(e -> {
                LOG.warn("host {}: connection lost: {}", hostId, e.getMessage());
                lost.countDown();
            });
            if (fresh instanceof ActiveMQConnection artemis) {
                artemis.setFailoverListener(event -> {
                    LOG.info("host {}: broker connection {}", hostId, event);
                    if (event == org.apache.activemq.artemis.api.core.client.FailoverEventType.FAILOVER_COMPLETED) {
                        listener.onConnected();
                    }
                });
            }
            Session consumerSession = fresh.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer =
                    consumerSession.createConsumer(consumerSession.createQueue(HostQueues.hostQueue(hostId)));
            consumer.setMessageListener(message -> receive(message, listener));
            Session sendSession = fresh.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer sender = sendSession.createProducer(sendSession.createQueue(HostQueues.MANAGER));
            synchronized (sendLock) {
                factory = freshFactory;
                connection = fresh;
                producerSession = sendSession;
                producer = sender;
            }
            fresh.start();
            LOG.info("host {}: connected to {}", hostId, settings.brokerUrl());
        } catch (JMSException | RuntimeException e) {
            closeQuietly(fresh);
            freshFactory.close();
            throw e;
        }
    }

    private void receive(Message message, Listener listener) {
        String json;
        try {
            if (message instanceof TextMessage text) {
                json = text.getText();
            } else if (message instanceof BytesMessage bytes) {
                byte[] body = new byte[(int) bytes.getBodyLength()];
                bytes.readBytes(body);
                json = new String(body, StandardCharsets.UTF_8);
            } else {
                LOG.warn(
                        "host {}: ignoring a {} message",
                        hostId,
                        message.getClass().getSimpleName());
                return;
            }
        } catch (JMSException e) {
            LOG.warn("host {}: unreadable message: {}", hostId, e.getMessage());
            return;
        }
        try {
            HostMessage decoded = codec.decode(json);
            if (decoded instanceof HostUpdate update) {
                listener.onUpdate(update);
            } else {
                LOG.warn(
                        "host {}: ignoring a {} on the host queue",
                        hostId,
                        decoded.getClass().getSimpleName());
            }
        } catch (MalformedMessageException e) {
            LOG.warn("host {}: dropping a malformed message: {}", hostId, e.getMessage());
        }
    }

    @Override
    public boolean send(HostMessage message) {
        String json = codec.encode(message);
        synchronized (sendLock) {
            if (producer == null) {
                return false;
            }
            try {
                producer.send(producerSession.createTextMessage(json));
                return true;
            } catch (JMSException | RuntimeException e) {
                LOG.debug(
                        "host {}: dropped a {}: {}", hostId, message.getClass().getSimpleName(), e.getMessage());
                return false;
            }
        }
    }

    private void disconnect() {
        Connection old;
        ActiveMQConnectionFactory oldFactory;
        synchronized (sendLock) {
            old = connection;
            oldFactory = factory;
            connection = null;
            factory = null;
            producer = null;
            producerSession = null;
        }
        if (old != null) {
            closeQuietly(old);
        }
        if (oldFactory != null) {
            // Its server locator holds a connector on the broker's shared event loop until closed.
            oldFactory.close();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            LOG.debug("closing a broken connection: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        closed = true;
        lost.countDown();
        Thread running;
        synchronized (this) {
            running = supervisor;
        }
        disconnect();
        if (running != null) {
            running.interrupt();
            try {
                running.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
