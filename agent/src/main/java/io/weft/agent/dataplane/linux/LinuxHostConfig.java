package io.weft.agent.dataplane.linux;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the Linux driver finds the host's tools: the OVS database, the OVS run directory (where
 * {@code ovs-ofctl} finds {@code <bridge>.mgmt}), and the network namespace to run in (in the lab
 * the agent runs in the root namespace and programs a hypervisor's namespace).
 *
 * @param vswitchdControl the {@code ovs-vswitchd} control socket for {@code ovs-appctl}; empty for
 *     ovs-appctl's own default (the system's daemon)
 * @param integrationBridge used for port commands until the desired state names the bridge
 * @param vethMtu MTU of the veth pair of a NIC whose tap does not exist yet (else the tap's MTU)
 */
public record LinuxHostConfig(
        String ovsDbUrl,
        Optional<Path> ovsRunDir,
        Optional<Path> vswitchdControl,
        Optional<String> namespace,
        String integrationBridge,
        int vethMtu,
        Duration commandTimeout) {
    public LinuxHostConfig {
        requireNonNull(ovsDbUrl, "ovsDbUrl is null");
        requireNonNull(ovsRunDir, "ovsRunDir is null");
        requireNonNull(vswitchdControl, "vswitchdControl is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(integrationBridge, "integrationBridge is null");
        requireNonNull(commandTimeout, "commandTimeout is null");
        if (vethMtu < 68) {
            throw new IllegalArgumentException("veth MTU " + vethMtu + " is below 68");
        }
    }

    /** The system's OVS in the current namespace. */
    public static LinuxHostConfig systemDefaults() {
        return new LinuxHostConfig(
                "unix:/var/run/openvswitch/db.sock",
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                "br-weft",
                1450,
                Duration.ofSeconds(30));
    }

    /**
     * An OVS instance with its own run directory (db.sock and ovs-vswitchd.ctl inside it),
     * optionally in a namespace.
     */
    public static LinuxHostConfig forRunDir(Path runDir, Optional<String> namespace, String integrationBridge) {
        return new LinuxHostConfig(
                "unix:" + runDir.resolve("db.sock"),
                Optional.of(runDir),
                Optional.of(runDir.resolve("ovs-vswitchd.ctl")),
                namespace,
                integrationBridge,
                1400,
                Duration.ofSeconds(30));
    }
}
