package io.weft.server.dispatch.messaging;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.weft.server.topology.AgentDirectory;
import io.weft.spec.host.Heartbeat;
import io.weft.spec.host.HostAck;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.PortStatus;
import io.weft.spec.host.ResyncRequest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The trust boundary of the manager inbox: a message speaks only for the host whose agent sent it.
 * The broker stamps every message with the user that sent it; that user must be the agent of an
 * existing host, and the host the message names must be that host. Anything else is refused: it
 * reaches nothing, is counted in {@value #REFUSED_METRIC} by reason, and is logged at a bounded
 * rate. Thread-safe.
 */
public final class AgentSenders {
    /** Prometheus: {@code weft_agent_messages_refused_total{reason="..."}}. */
    public static final String REFUSED_METRIC = "weft_agent_messages_refused";

    /** Why a message was refused; the metric's {@code reason} tag. */
    public enum Refusal {
        /** The broker named no sender (a broker without {@code populate-validated-user}). */
        NO_SENDER("no_sender"),
        /** The sender is not the agent of any existing host (the manager, a deleted host's agent). */
        NOT_AN_AGENT("not_an_agent"),
        /** The message names another host than its sender's. */
        OTHER_HOST("other_host"),
        /** The message could not be read as a host message at all. */
        MALFORMED("malformed");

        private final String tag;

        Refusal(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Function<String, Optional<String>> hostOfAgent;
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);
    private final BoundedLog log;

    @Inject
    public AgentSenders(AgentDirectory directory, MeterRegistry meters, Clock clock) {
        this(directory::hostOfAgent, meters, clock);
    }

    /** @param hostOfAgent the id of the existing host a broker user is the agent of */
    AgentSenders(Function<String, Optional<String>> hostOfAgent, MeterRegistry meters, Clock clock) {
        this.hostOfAgent = requireNonNull(hostOfAgent, "hostOfAgent is null");
        for (Refusal reason : Refusal.values()) {
            refused.put(reason, meters.counter(REFUSED_METRIC, "reason", reason.tag()));
        }
        this.log = new BoundedLog(clock);
    }

    /** Whether {@code message}, sent by broker user {@code sender}, may act; a refusal is counted and logged. */
    public boolean admits(Optional<String> sender, HostMessage message) {
        Optional<Refusal> refusal = refusal(sender, message);
        refusal.ifPresent(reason -> refuse(reason, sender, kind(message) + " for host " + message.hostId()));
        return refusal.isEmpty();
    }

    private Optional<Refusal> refusal(Optional<String> sender, HostMessage message) {
        if (sender.isEmpty()) {
            return Optional.of(Refusal.NO_SENDER);
        }
        Optional<String> senderHost = hostOfAgent.apply(sender.get());
        if (senderHost.isEmpty()) {
            return Optional.of(Refusal.NOT_AN_AGENT);
        }
        return senderHost.get().equals(message.hostId()) ? Optional.empty() : Optional.of(Refusal.OTHER_HOST);
    }

    /** Counts and logs a message that could not be read; {@code error} says why. */
    public void malformed(Optional<String> sender, String error) {
        refuse(Refusal.MALFORMED, sender, "unreadable message (" + error + ")");
    }

    private void refuse(Refusal reason, Optional<String> sender, String what) {
        refused.get(reason).increment();
        log.warn(reason.tag() + ": " + what + " sent by " + sender.orElse("(nobody)"));
    }

    private static String kind(HostMessage message) {
        if (message instanceof Heartbeat) {
            return "heartbeat";
        } else if (message instanceof HostAck) {
            return "ack";
        } else if (message instanceof ResyncRequest) {
            return "resync request";
        } else if (message instanceof PortStatus) {
            return "port status";
        }
        return message.getClass().getSimpleName();
    }
}
