package io.weft.server.dispatch.messaging;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.weft.server.dispatch.HostChannel;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostQueues;
import io.weft.spec.host.HostUpdate;
import jakarta.jms.CompletionListener;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends updates to each host's durable queue as persistent JSON text messages. Used only from the
 * dispatcher's thread. A broken connection is dropped and reopened on the next send; the
 * dispatcher's retry covers what was lost in between.
 *
 * <p>Sends are asynchronous (JMS 2.0, with a {@link CompletionListener}): the dispatcher hands the
 * broker one host's update and goes on to the next host without waiting for the broker to write
 * it to its journal. A blocking persistent send costs a round trip and a journal sync per host,
 * one after another on the dispatcher's one thread, which made a change reaching a thousand hosts
 * take seconds and queued every question to the dispatcher behind it. Waiting bought nothing:
 * the dispatcher counts an update as sent when it hands it over and resends a FULL to any host
 * that has not acked within the ack timeout, so an update the broker refused or lost in a crash
 * is recovered the same way whether the send blocked or not. Of the non-blocking choices this is
 * the simplest correct one: Artemis's {@code blockOnDurableSend=false} would lose the failure
 * without a word, and a transacted session committed per tick would hold every host of a tick
 * back until the last one is encoded. Updates of one host stay in order: one session sends them.
 * A failed send is counted in the dispatcher's send failures and logged; the ack timeout resends.
 * The connection factory must have a confirmation window, or Artemis never completes the send.
 */
public final class JmsHostChannel implements HostChannel, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JmsHostChannel.class);

    private final ConnectionFactory factory;
    private final HostMessageCodec codec = new HostMessageCodec();
    private final CompletionListener completion;
    // Artemis's createQueue asks the broker whether the queue exists, a blocking round trip; asked
    // once per host and connection, not once per update.
    private final Map<String, Queue> queues = new HashMap<>();
    private Connection connection;
    private Session session;
    private MessageProducer producer;

    /** {@code sendFailures} counts the sends the broker did not confirm; it is told on the broker's thread. */
    public JmsHostChannel(ConnectionFactory factory, Counter sendFailures) {
        this.factory = requireNonNull(factory, "factory is null");
        this.completion = new FailureCounter(requireNonNull(sendFailures, "sendFailures is null"));
    }

    @Override
    public void send(HostUpdate update) throws JMSException {
        try {
            open();
            TextMessage message = session.createTextMessage(codec.encode(update));
            message.setStringProperty("weftHost", update.hostId());
            producer.send(queue(update.hostId()), message, completion);
        } catch (JMSException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Queue queue(String hostId) throws JMSException {
        Queue queue = queues.get(hostId);
        if (queue == null) {
            queue = session.createQueue(HostQueues.hostQueue(hostId));
            queues.put(hostId, queue);
        }
        return queue;
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
        queues.clear();
        session = null;
        producer = null;
    }

    /**
     * Counts and logs a send the broker did not confirm. It must not touch the session (JMS forbids
     * it from a completion callback) and need not resend: the host stays unacknowledged, so the
     * dispatcher sends it a FULL after the ack timeout.
     */
    private record FailureCounter(Counter sendFailures) implements CompletionListener {
        @Override
        public void onCompletion(Message message) {}

        @Override
        public void onException(Message message, Exception e) {
            sendFailures.increment();
            LOG.warn(
                    "the broker did not take an update for host {}; it is resent after the ack timeout: {}",
                    hostOf(message),
                    e.toString());
        }

        private static String hostOf(Message message) {
            try {
                return message.getStringProperty("weftHost");
            } catch (JMSException e) {
                return "?";
            }
        }
    }
}
