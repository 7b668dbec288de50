package io.weft.testsupport;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a throw-away server for one test class or one lab run: data under a directory of
 * its own and every port ephemeral, so that test classes never collide. Callers hand {@link #asMap()}
 * to {@code WeftConfig.of}; this module stays free of the server's classes so that the server's own
 * tests can use it.
 */
public final class ServerSettings {
    private final Map<String, String> settings = new LinkedHashMap<>();

    private ServerSettings(Path dataDir) {
        settings.put("dataDir", requireNonNull(dataDir, "dataDir is null").toString());
        settings.put("http.port", "0");
        settings.put("broker.port", "0");
        settings.put("ec2.port", "0");
        // Tests stop many servers; none holds a request that needs the production grace period.
        settings.put("shutdown.gracePeriod", "1s");
    }

    /** Data under {@code dataDir}, the CloudStack, broker and EC2 ports ephemeral, a 1 s shutdown grace. */
    public static ServerSettings ephemeral(Path dataDir) {
        return new ServerSettings(dataDir);
    }

    /** Sets (or overrides) one setting. */
    public ServerSettings with(String name, String value) {
        settings.put(requireNonNull(name, "name is null"), requireNonNull(value, "value is null"));
        return this;
    }

    /** Leaves a setting at the server's default. */
    public ServerSettings without(String name) {
        settings.remove(requireNonNull(name, "name is null"));
        return this;
    }

    public Map<String, String> asMap() {
        return Map.copyOf(settings);
    }
}
