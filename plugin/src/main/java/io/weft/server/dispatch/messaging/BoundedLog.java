package io.weft.server.dispatch.messaging;

import static java.util.Objects.requireNonNull;

import io.weft.spec.host.HostQueues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warnings about refused inbox messages, at most one per {@link #INTERVAL}: a misbehaving or
 * hostile agent can send thousands a second, and the log must not be its amplifier. The lines
 * left out are counted in the next one (the refusals metric counts them all). Text that came off
 * the wire is cut short and stripped of control characters, so it cannot forge log lines.
 */
final class BoundedLog {
    static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(AgentSenders.class);
    private static final int MAX_LENGTH = 300;

    private final Clock clock;
    private Instant nextDue = Instant.MIN;
    private long leftOut;

    BoundedLog(Clock clock) {
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Logs {@code line} unless a line was logged less than {@link #INTERVAL} ago; true when logged. */
    synchronized boolean warn(String line) {
        Instant now = clock.instant();
        if (now.isBefore(nextDue)) {
            leftOut++;
            return false;
        }
        String more = leftOut == 0 ? "" : " (and " + leftOut + " more refused since the last such line)";
        LOG.warn("refused a message on {}: {}{}", HostQueues.MANAGER, clean(line), more);
        leftOut = 0;
        nextDue = now.plus(INTERVAL);
        return true;
    }

    static String clean(String text) {
        String cut = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
        return cut.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }
}
