package io.weft.lab.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Decides, in one place, whether the real dataplane can run here (tests turn the answer into a
 * skip or a failure through {@code io.weft.it.RealDataplane}). Without root or the tools they skip;
 * with {@code WEFT_REQUIRE_DATAPLANE=1} (set by CI) a missing prerequisite is a failure instead,
 * so that a green build cannot silently hide skipped dataplane proof.
 */
public final class DataplanePrerequisites {

    public static final String REQUIRE_VARIABLE = "WEFT_REQUIRE_DATAPLANE";

    static final Path OVS_SCHEMA = Path.of("/usr/share/openvswitch/vswitch.ovsschema");

    /** Each tool with the Debian package that provides it, for a message that says what to install. */
    private static final Map<String, String> TOOLS = Map.ofEntries(
            Map.entry("ip", "iproute2"),
            Map.entry("ss", "iproute2"),
            Map.entry("ping", "iputils-ping"),
            Map.entry("ovsdb-tool", "openvswitch-switch"),
            Map.entry("ovsdb-server", "openvswitch-switch"),
            Map.entry("ovs-vswitchd", "openvswitch-switch"),
            Map.entry("ovs-vsctl", "openvswitch-switch"),
            Map.entry("ovs-ofctl", "openvswitch-switch"),
            Map.entry("ovs-appctl", "openvswitch-switch"),
            Map.entry("iptables", "iptables"),
            Map.entry("ipset", "ipset"),
            Map.entry("nc", "netcat-openbsd"),
            Map.entry("socat", "socat"),
            Map.entry("ethtool", "ethtool"));

    private DataplanePrerequisites() {}

    /** Human-readable list of what is missing; empty when the lab can run. */
    public static List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!isRoot()) {
            missing.add("root (network namespaces need CAP_NET_ADMIN and CAP_SYS_ADMIN)");
        }
        TOOLS.entrySet().stream()
                .filter(tool -> !onPath(tool.getKey()))
                .map(tool -> tool.getKey() + " (Debian package " + tool.getValue() + ")")
                .sorted()
                .forEach(missing::add);
        if (!Files.isReadable(OVS_SCHEMA)) {
            missing.add(OVS_SCHEMA + " (Debian package openvswitch-switch)");
        }
        return List.copyOf(missing);
    }

    public static boolean required() {
        return "1".equals(System.getenv(REQUIRE_VARIABLE));
    }

    /**
     * Why the real dataplane cannot be used here, or empty when it can. Tests turn this into a skip,
     * or a failure when {@link #required()}; the lab's own programs print it and stop.
     */
    public static Optional<String> unavailable() {
        List<String> missing = missing();
        return missing.isEmpty()
                ? Optional.empty()
                : Optional.of("real dataplane unavailable, missing: " + String.join(", ", missing));
    }

    private static boolean isRoot() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            // "Uid:\t<real>\t<effective>\t...": the effective uid decides.
            return lines.filter(line -> line.startsWith("Uid:"))
                    .map(line -> line.split("\\s+")[2])
                    .anyMatch("0"::equals);
        } catch (IOException | RuntimeException unreadable) {
            return false;
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        return Stream.of(path.split(":"))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, tool))
                .anyMatch(Files::isExecutable);
    }
}
