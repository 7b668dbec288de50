package io.weft.rules.render;

import io.weft.rules.diff.Operation;
import io.weft.rules.state.NicPortEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The Linux half of a NIC's hybrid plumbing as {@code ip} argument vectors (without the program
 * name): the per-NIC bridge that iptables filters on, the veth pair to the integration bridge, and
 * the VM's tap enslaved to the bridge. {@code ip} has no "may exist": the caller skips a creation
 * whose device already exists (or treats "File exists" as done), and runs these before the
 * {@link OvsVsctlCommands} that plug the veth's other end into OVS.
 */
public final class LinuxPlumbingCommands {
    private LinuxPlumbingCommands() {}

    public static List<List<String>> create(NicPortEntry port) {
        return List.of(
                List.of("link", "add", port.linuxBridge(), "type", "bridge"),
                List.of("link", "add", port.bridgeVeth(), "type", "veth", "peer", "name", port.ovsVeth()),
                List.of("link", "set", port.bridgeVeth(), "master", port.linuxBridge()),
                List.of("link", "set", port.tapDevice(), "master", port.linuxBridge()),
                List.of("link", "set", port.linuxBridge(), "up"),
                List.of("link", "set", port.bridgeVeth(), "up"),
                List.of("link", "set", port.ovsVeth(), "up"));
    }

    /** Deleting one veth end deletes its peer; the tap belongs to the hypervisor and is left alone. */
    public static List<List<String>> delete(NicPortEntry port) {
        return List.of(List.of("link", "del", port.bridgeVeth()), List.of("link", "del", port.linuxBridge()));
    }

    public static List<List<String>> renderCreations(List<Operation> operations) {
        List<List<String>> commands = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert && upsert.entry() instanceof NicPortEntry port) {
                commands.addAll(create(port));
            }
        }
        return List.copyOf(commands);
    }

    public static List<List<String>> renderDeletions(List<Operation> operations) {
        List<List<String>> commands = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Remove remove && remove.previous() instanceof NicPortEntry port) {
                commands.addAll(delete(port));
            }
        }
        return List.copyOf(commands);
    }
}
