package io.weft.server.dispatch.messaging;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostQueues;
import io.weft.spec.host.MalformedMessageException;
import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes what agents send (acks, heartbeats, resync requests, port status) from the manager's
 * queue and hands each decoded message on, if {@link AgentSenders} admits it: the broker stamps
 * each message with the user that sent it ({@code _AMQ_VALIDATED_USER}), and a message speaks only
 * for its sender's host. A malformed message is dropped, counted and logged like a refused one:
 * an agent resends its state with every heartbeat, so nothing depends on one message.
 */
public final class ManagerInbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerInbox.class);

    private static final String VALIDATED_USER =
            org.apache.activemq.artemis.api.core.Message.HDR_VALIDATED_USER.toString();

    private final ConnectionFactory factory;
    private final Consumer<HostMessage> handler;
    private final AgentSenders senders;
    private final HostMessageCodec codec = new HostMessageCodec();
    private Connection connection;

    public ManagerInbox(ConnectionFactory factory, Consumer<HostMessage> handler, AgentSenders senders) {
        this.factory = requireNonNull(factory, "factory is null");
        this.handler = requireNonNull(handler, "handler is null");
        this.senders = requireNonNull(senders, "senders is null");
    }

    public synchronized void start() throws JMSException {
        connection = factory.createConnection();
        Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createQueue(HostQueues.MANAGER)).setMessageListener(this::receive);
        connection.start();
    }

    private void receive(Message message) {
        try {
            String json = message instanceof BytesMessage bytes ? readBytes(bytes) : ((TextMessage) message).getText();
            HostMessage decoded = codec.decode(json);
            if (senders.admits(sender(message), decoded)) {
                handler.accept(decoded);
            }
        } catch (MalformedMessageException | ClassCastException e) {
            // Counted and logged at a bounded rate, like a refused message: a sender could flood.
            senders.malformed(senderOrNone(message), String.valueOf(e.getMessage()));
        } catch (JMSException e) {
            LOG.warn("could not read a message on {}", HostQueues.MANAGER, e);
        }
    }

    /** The broker user that sent {@code message}, as the broker wrote it over whatever the sender set. */
    private static Optional<String> sender(Message message) throws JMSException {
        return Optional.ofNullable(message.getStringProperty(VALIDATED_USER)).filter(user -> !user.isEmpty());
    }

    private static Optional<String> senderOrNone(Message message) {
        try {
            return sender(message);
        } catch (JMSException e) {
            return Optional.empty();
        }
    }

    private static String readBytes(BytesMessage message) throws JMSException {
        byte[] body = new byte[(int) message.getBodyLength()];
        message.readBytes(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                LOG.debug("closing the manager inbox connection", e);
            }
            connection = null;
        }
    }
}
