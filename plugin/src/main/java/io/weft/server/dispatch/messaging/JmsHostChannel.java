package io.weft.server.dispatch.messaging;

import static java.util.Objects.requireNonNull;

import io.weft.server.dispatch.HostChannel;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostQueues;
import io.weft.spec.host.HostUpdate;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

/**
 * Sends updates to each host's durable queue as persistent JSON text messages. Used only from the
 * dispatcher's thread. A broken connection is dropped and reopened on the next send; the
 * dispatcher's retry covers what was lost in between.
 */
public final class JmsHostChannel implements HostChannel, AutoCloseable {
    private final ConnectionFactory factory;
    private final HostMessageCodec codec = new HostMessageCodec();
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    public JmsHostChannel(ConnectionFactory factory) {
        this.factory = requireNonNull(factory, "factory is null");
    }

    @Override
    public void send(HostUpdate update) throws JMSException {
        try {
            open();
            TextMessage message = session.createTextMessage(codec.encode(update));
            message.setStringProperty("weftHost", update.hostId());
            producer.send(session.createQueue(HostQueues.hostQueue(update.hostId())), message);
        } catch (JMSException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void open() throws JMSException {
        if (connection != null) {
            return;
        }
        connection = factory.createConnection();
        session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        producer = session.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (JMSException e) {
                // already broken; nothing more to release
            }
        }
        connection = null;
        session = null;
        producer = null;
    }
}
