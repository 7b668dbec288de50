package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.model.BridgeSettings;
import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.time.Duration;
import java.util.Optional;

/**
 * How the dispatcher runs: the hosts' bridge layout, how long it waits for acks before resending
 * a FULL (doubling up to a ceiling), when a silent host counts as disconnected, how often it polls
 * the outbox, and the dispatcher lease.
 */
public record DispatchSettings(
        BridgeSettings bridge,
        Duration ackTimeout,
        Duration maxRetryBackoff,
        Duration heartbeatTimeout,
        Duration pollInterval,
        Duration leaseDuration,
        int batchSize) {
    public DispatchSettings {
        requireNonNull(bridge, "bridge is null");
        requireNonNull(ackTimeout, "ackTimeout is null");
        requireNonNull(maxRetryBackoff, "maxRetryBackoff is null");
        requireNonNull(heartbeatTimeout, "heartbeatTimeout is null");
        requireNonNull(pollInterval, "pollInterval is null");
        requireNonNull(leaseDuration, "leaseDuration is null");
        if (ackTimeout.isNegative() || ackTimeout.isZero()) {
            throw new IllegalArgumentException("ackTimeout must be positive");
        }
        if (maxRetryBackoff.compareTo(ackTimeout) < 0) {
            throw new IllegalArgumentException("maxRetryBackoff must be at least ackTimeout");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
    }

    public static DispatchSettings defaults() {
        return new DispatchSettings(
                BridgeSettings.defaults(),
                Duration.ofSeconds(10),
                Duration.ofMinutes(2),
                Duration.ofSeconds(30),
                Duration.ofMillis(50),
                Duration.ofSeconds(15),
                500);
    }

    /** The {@code dispatch.*} keys, each defaulting to {@link #defaults()}. */
    public static DispatchSettings from(ConfigSource source) {
        DispatchSettings defaults = DispatchSettings.defaults();
        try {
            return new DispatchSettings(
                    new BridgeSettings(
                            source.string(
                                    "dispatch.integrationBridge",
                                    defaults.bridge().integrationBridge()),
                            source.string(
                                    "dispatch.datapathType", defaults.bridge().datapathType()),
                            Optional.empty(),
                            source.bool(
                                    "dispatch.arpResponder", defaults.bridge().arpResponder())),
                    source.duration("dispatch.ackTimeout", defaults.ackTimeout()),
                    source.duration("dispatch.maxRetryBackoff", defaults.maxRetryBackoff()),
                    source.duration("dispatch.heartbeatTimeout", defaults.heartbeatTimeout()),
                    source.duration("dispatch.pollInterval", defaults.pollInterval()),
                    source.duration("dispatch.leaseDuration", defaults.leaseDuration()),
                    source.integer("dispatch.batchSize", defaults.batchSize(), 1, 100_000));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("dispatch: " + e.getMessage(), e);
        }
    }
}
