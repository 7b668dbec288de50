package io.weft.agent.transport;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How the agent reaches the broker: an Artemis URL (for a pair or cluster, a failover list such as
 * {@code (tcp://a:61616,tcp://b:61616)?ha=true&reconnectAttempts=-1}), this host's credentials,
 * and the backoff between whole reconnects when the client library gives up.
 */
public record JmsSettings(
        String brokerUrl, String username, String password, Duration minBackoff, Duration maxBackoff) {
    public JmsSettings {
        requireNonNull(brokerUrl, "brokerUrl is null");
        requireNonNull(username, "username is null");
        requireNonNull(password, "password is null");
        requireNonNull(minBackoff, "minBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("backoff must be positive and max >= min");
        }
    }

    public static JmsSettings of(String brokerUrl, String username, String password) {
        return new JmsSettings(brokerUrl, username, password, Duration.ofMillis(200), Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
        // The password never reaches a log.
        return "JmsSettings[brokerUrl=" + brokerUrl + ", username=" + username + "]";
    }
}
