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
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes what agents send (acks, heartbeats, resync requests, port status) from the manager's
 * queue and hands each decoded message on. A malformed message is logged and dropped: an agent
 * resends its state with every heartbeat, so nothing depends on one message.
 */
public final class ManagerInbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagerInbox.class);

    private final ConnectionFactory factory;
    private final Consumer<HostMessage> handler;
    private final HostMessageCodec codec = new HostMessageCodec();
    private Connection connection;

    public ManagerInbox(ConnectionFactory factory, Consumer<HostMessage> handler) {
        this.factory = requireNonNull(factory, "factory is null");
        this.handler = requireNonNull(handler, "handler is null");
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
            handler.accept(codec.decode(json));
        } catch (MalformedMessageException | ClassCastException e) {
            LOG.warn("dropping a malformed message on {}: {}", HostQueues.MANAGER, e.getMessage());
        } catch (JMSException e) {
            LOG.warn("could not read a message on {}", HostQueues.MANAGER, e);
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
