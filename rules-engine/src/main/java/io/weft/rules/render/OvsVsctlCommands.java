package io.weft.rules.render;

import io.weft.rules.diff.Operation;
import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.NicPortEntry;
import io.weft.rules.state.TunnelEntry;
import io.weft.rules.state.UplinkEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ovs-vsctl} invocations as argument vectors (without the program name or database
 * options, which the caller adds), never shell strings. Everything we create carries
 * {@code external_ids:weft-owner=weft} and a {@code weft-role}, which is how read-back finds ours;
 * NIC ports also record their hybrid plumbing so the read-back gives the same entry back.
 */
public final class OvsVsctlCommands {
    public static final String OWNER_KEY = "weft-owner";
    public static final String OWNER_VALUE = "weft";
    public static final String ROLE_KEY = "weft-role";
    public static final String NIC_KEY = "weft-nic";
    public static final String TAP_KEY = "weft-tap";
    public static final String LINUX_BRIDGE_KEY = "weft-linux-bridge";
    public static final String BRIDGE_VETH_KEY = "weft-bridge-veth";

    /** The two {@code ovs-vsctl} listings {@code OvsdbParser} reads. */
    public static final List<String> LIST_BRIDGES =
            List.of("--format=json", "--data=json", "--columns=name,datapath_type,external_ids", "list", "Bridge");

    public static final List<String> LIST_INTERFACES =
            List.of("--format=json", "--data=json", "--columns=name,type,options,external_ids", "list", "Interface");

    private OvsVsctlCommands() {}

    /** Commands that create or update the bridges and ports of a diff; run before flows use them. */
    public static List<List<String>> renderCreations(List<Operation> operations, String integrationBridge) {
        List<List<String>> commands = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert) {
                create(upsert.entry(), integrationBridge).ifPresent(commands::add);
            }
        }
        return List.copyOf(commands);
    }

    /** Commands that delete the ports and bridges of a diff; run after the flows naming them are gone. */
    public static List<List<String>> renderDeletions(List<Operation> operations, String integrationBridge) {
        List<List<String>> commands = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Remove remove) {
                delete(remove.previous(), integrationBridge).ifPresent(commands::add);
            }
        }
        return List.copyOf(commands);
    }

    /** Commands that create or update every bridge and port of {@code desired}; idempotent. */
    public static List<List<String>> renderFull(HostDesiredState desired, String integrationBridge) {
        List<List<String>> commands = new ArrayList<>();
        desired.bridges().forEach(entry -> create(entry, integrationBridge).ifPresent(commands::add));
        for (DesiredEntry entry : desired.entries().values()) {
            if (!(entry instanceof BridgeEntry)) {
                create(entry, integrationBridge).ifPresent(commands::add);
            }
        }
        return List.copyOf(commands);
    }

    private static Optional<List<String>> create(DesiredEntry entry, String integrationBridge) {
        if (entry instanceof BridgeEntry bridge) {
            return Optional.of(List.of(
                    "--may-exist",
                    "add-br",
                    bridge.name(),
                    "--",
                    "set",
                    "Bridge",
                    bridge.name(),
                    "datapath_type=" + bridge.datapathType(),
                    "fail_mode=secure",
                    "protocols=OpenFlow10,OpenFlow13",
                    "external_ids:" + OWNER_KEY + "=" + OWNER_VALUE));
        } else if (entry instanceof NicPortEntry port) {
            return Optional.of(List.of(
                    "--may-exist",
                    "add-port",
                    integrationBridge,
                    port.ovsVeth(),
                    "--",
                    "set",
                    "Interface",
                    port.ovsVeth(),
                    "external_ids:" + OWNER_KEY + "=" + OWNER_VALUE,
                    "external_ids:" + ROLE_KEY + "=nic",
                    "external_ids:" + NIC_KEY + "=" + port.nicId(),
                    "external_ids:" + TAP_KEY + "=" + port.tapDevice(),
                    "external_ids:" + LINUX_BRIDGE_KEY + "=" + port.linuxBridge(),
                    "external_ids:" + BRIDGE_VETH_KEY + "=" + port.bridgeVeth()));
        } else if (entry instanceof TunnelEntry tunnel) {
            return Optional.of(List.of(
                    "--may-exist",
                    "add-port",
                    integrationBridge,
                    tunnel.portName(),
                    "--",
                    "set",
                    "Interface",
                    tunnel.portName(),
                    "type=" + tunnel.type(),
                    "options:remote_ip=flow",
                    "options:key=flow",
                    "options:local_ip=" + tunnel.localIp(),
                    "external_ids:" + OWNER_KEY + "=" + OWNER_VALUE,
                    "external_ids:" + ROLE_KEY + "=tunnel"));
        } else if (entry instanceof UplinkEntry uplink) {
            return Optional.of(List.of(
                    "--may-exist",
                    "add-port",
                    integrationBridge,
                    uplink.name(),
                    "--",
                    "set",
                    "Interface",
                    uplink.name(),
                    "external_ids:" + OWNER_KEY + "=" + OWNER_VALUE,
                    "external_ids:" + ROLE_KEY + "=uplink"));
        }
        return Optional.empty();
    }

    private static Optional<List<String>> delete(DesiredEntry entry, String integrationBridge) {
        if (entry instanceof BridgeEntry bridge) {
            return Optional.of(List.of("--if-exists", "del-br", bridge.name()));
        } else if (entry instanceof NicPortEntry port) {
            return Optional.of(List.of("--if-exists", "del-port", integrationBridge, port.ovsVeth()));
        } else if (entry instanceof TunnelEntry tunnel) {
            return Optional.of(List.of("--if-exists", "del-port", integrationBridge, tunnel.portName()));
        } else if (entry instanceof UplinkEntry uplink) {
            return Optional.of(List.of("--if-exists", "del-port", integrationBridge, uplink.name()));
        }
        return Optional.empty();
    }
}
