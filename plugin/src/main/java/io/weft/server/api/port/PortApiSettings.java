package io.weft.server.api.port;

import static java.util.Objects.requireNonNull;

import io.weft.server.config.ConfigException;
import io.weft.server.config.ConfigSource;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The compute hand-off: where the {@code nic-plugged} webhook goes, the secret it is signed with,
 * and the longest wait between two delivery attempts.
 *
 * @param webhookUrl the compute side's endpoint; absent means no webhook (the compute side polls
 *     {@code GET /ports/{id}})
 * @param webhookSecret the HMAC-SHA256 key; required with a URL, because an unsigned event could be
 *     forged by anyone who can reach the receiver
 * @param webhookMaxBackoff the ceiling of the doubling wait between failed deliveries
 */
public record PortApiSettings(Optional<URI> webhookUrl, Optional<String> webhookSecret, Duration webhookMaxBackoff) {
    public PortApiSettings {
        requireNonNull(webhookUrl, "webhookUrl is null");
        requireNonNull(webhookSecret, "webhookSecret is null");
        requireNonNull(webhookMaxBackoff, "webhookMaxBackoff is null");
        webhookUrl.ifPresent(url -> {
            if (!url.isAbsolute() || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
                throw new IllegalArgumentException("webhookUrl must be an absolute http or https URL, not " + url);
            }
        });
        if (webhookUrl.isPresent() && webhookSecret.isEmpty()) {
            throw new IllegalArgumentException("webhookSecret is required when webhookUrl is set");
        }
        if (webhookMaxBackoff.isNegative() || webhookMaxBackoff.isZero()) {
            throw new IllegalArgumentException("webhookMaxBackoff must be positive");
        }
    }

    public static PortApiSettings defaults() {
        return new PortApiSettings(Optional.empty(), Optional.empty(), Duration.ofSeconds(60));
    }

    @Override
    public String toString() {
        return "ComputeSettings[webhookUrl=" + webhookUrl.map(URI::toString).orElse("") + ", webhookSecret="
                + webhookSecret.map(s -> "***").orElse("") + ", webhookMaxBackoff=" + webhookMaxBackoff + "]";
    }

    /** The {@code compute.*} keys (the compute side's hand-off), each defaulting to {@link #defaults()}. */
    public static PortApiSettings from(ConfigSource source) {
        PortApiSettings defaults = PortApiSettings.defaults();
        try {
            return new PortApiSettings(
                    source.value("compute.webhookUrl").map(URI::create),
                    source.value("compute.webhookSecret"),
                    source.duration("compute.webhookMaxBackoff", defaults.webhookMaxBackoff()));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("compute: " + e.getMessage(), e);
        }
    }
}
