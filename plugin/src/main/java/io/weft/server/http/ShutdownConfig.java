package io.weft.server.http;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.time.Duration;

/** How long a stopping server waits for in-flight requests before it closes connections. */
public record ShutdownConfig(Duration gracePeriod) {
    public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofSeconds(30);

    public ShutdownConfig {
        requireNonNull(gracePeriod, "gracePeriod is null");
        if (gracePeriod.isNegative()) {
            throw new ConfigException("shutdown.gracePeriod must not be negative");
        }
    }

    public static ShutdownConfig from(ConfigSource source) {
        return new ShutdownConfig(source.duration("shutdown.gracePeriod", DEFAULT_GRACE_PERIOD));
    }
}
