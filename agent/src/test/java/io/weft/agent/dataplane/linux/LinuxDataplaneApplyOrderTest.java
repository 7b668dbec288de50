package io.weft.agent.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.agent.TestingHosts;
import io.weft.agent.dataplane.ReadBack;
import io.weft.agent.dataplane.memory.InMemoryHost;
import io.weft.agent.process.Command;
import io.weft.agent.process.CommandResult;
import io.weft.agent.process.CommandRunner;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.Phase;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.UplinkEntry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The Linux driver runs its tools in the order {@link Phase} declares, whatever that order is: the
 * expectation is read from Phase, not copied from it, so reordering Phase moves the driver and
 * the test with it, while a second order written into the driver fails here.
 */
class LinuxDataplaneApplyOrderTest {
    /** The in-memory host, with every command the driver runs recorded on the way in. */
    private static final class RecordingHost implements CommandRunner {
        final InMemoryHost host = new InMemoryHost();
        final List<Command> commands = new ArrayList<>();

        @Override
        public CommandResult run(Command command) {
            commands.add(command);
            return host.run(command);
        }

        @Override
        public long invocationCount() {
            return commands.size();
        }
    }

    private final RecordingHost host = new RecordingHost();
    private final LinuxDataplane dataplane = new LinuxDataplane(host, LinuxHostConfig.systemDefaults());

    @Test
    void toolsRunInTheOrderPhaseDeclares() {
        // Before: two NICs, a member, and a set and a bridge that are going away.
        HostDesiredState before = with(
                TestingHosts.state("10.0.0.20"),
                new IpSetEntry("weft-g4-leaving", "hash:net", "inet"),
                new BridgeEntry("br-leaving", "netdev"));
        // After: one NIC gone, another member, and a new set, bridge and port.
        HostDesiredState after = with(
                TestingHosts.state(false, "10.0.0.21"),
                new IpSetEntry("weft-g4-arriving", "hash:net", "inet"),
                new BridgeEntry("br-new", "netdev"),
                new UplinkEntry("eth9"));
        host.host.addTap("tapa", 1450);
        host.host.addTap("tapb", 1450);
        ReadBack empty = dataplane.readBack();
        dataplane.apply(StateDiff.diff(empty.state(), before), before, empty);
        // The hypervisor recreates nic-a's tap, which leaves it outside the NIC's bridge.
        host.host.removeTap("tapa");
        host.host.addTap("tapa", 1450);
        ReadBack readBack = dataplane.readBack();
        List<Operation> operations = StateDiff.diff(readBack.state(), after);

        host.commands.clear();
        dataplane.apply(operations, after, readBack);

        List<Set<Phase>> steps = steps(host.commands);
        Set<Phase> seen = EnumSet.noneOf(Phase.class);
        steps.forEach(seen::addAll);
        assertThat(seen).as("every phase has work in this apply").containsExactly(Phase.values());
        for (int i = 1; i < steps.size(); i++) {
            assertThat(Collections.max(steps.get(i - 1)))
                    .as("%s runs before %s", steps.get(i - 1), steps.get(i))
                    .isLessThan(Collections.min(steps.get(i)));
        }
        assertThat(StateDiff.diff(dataplane.readBack().state(), after)).isEmpty();
    }

    private static HostDesiredState with(HostDesiredState state, DesiredEntry... extra) {
        List<DesiredEntry> entries = new ArrayList<>(state.entries().values());
        entries.addAll(List.of(extra));
        return HostDesiredState.of(entries);
    }

    /**
     * The phases each command works for, with consecutive commands of the same phases (IPv4 then
     * IPv6, a probe then its batch) merged into one step.
     */
    private static List<Set<Phase>> steps(List<Command> commands) {
        List<Set<Phase>> steps = new ArrayList<>();
        for (Command command : commands) {
            Set<Phase> phases = phasesOf(command);
            Set<Phase> last = steps.isEmpty() ? Set.of() : steps.get(steps.size() - 1);
            if (!Collections.disjoint(last, phases)) {
                last.addAll(phases);
            } else {
                steps.add(phases);
            }
        }
        return steps;
    }

    /** What a command does, read from its argument vector and its input; no order in here. */
    private static Set<Phase> phasesOf(Command command) {
        List<String> argv = command.argv();
        List<String> lines =
                new String(command.stdin(), StandardCharsets.UTF_8).lines().toList();
        Set<Phase> phases = EnumSet.noneOf(Phase.class);
        switch (argv.get(0)) {
            case "ipset" -> {
                for (String line : lines) {
                    phases.add(
                            switch (line.split(" ")[0]) {
                                case "create" -> Phase.CREATE_SETS;
                                case "add" -> Phase.ADD_MEMBERS;
                                case "del" -> Phase.DELETE_MEMBERS;
                                case "destroy" -> Phase.DELETE_SETS;
                                default -> throw new AssertionError("unexpected ipset line " + line);
                            });
                }
            }
            case "ip" -> {
                if (argv.contains("neigh")) {
                    phases.add(Phase.RESOLVE_TUNNEL_ENDPOINTS);
                } else if (argv.contains("-batch")) {
                    lines.forEach(
                            line -> phases.add(line.startsWith("link del") ? Phase.UNPLUG_NICS : Phase.PLUG_NICS));
                } else {
                    phases.add(Phase.PLUG_NICS); // the probe for a tap that may have appeared
                }
            }
            case "ovs-vsctl" -> {
                argv.forEach(arg -> {
                    switch (arg) {
                        case "add-br" -> phases.add(Phase.CREATE_BRIDGES);
                        case "add-port" -> phases.add(Phase.CREATE_PORTS);
                        case "del-port" -> phases.add(Phase.DELETE_PORTS);
                        case "del-br" -> phases.add(Phase.DELETE_BRIDGES);
                        default -> {}
                    }
                });
            }
            case "iptables-restore", "ip6tables-restore" -> {
                for (String line : lines) {
                    if (line.startsWith("-A ") || line.startsWith("-I ")) {
                        phases.add(Phase.WRITE_CHAINS);
                    } else if (line.startsWith("-X ")) {
                        phases.add(Phase.DELETE_CHAINS);
                    }
                }
            }
            case "ovs-ofctl" -> {
                for (String line : lines) {
                    phases.add(line.startsWith("delete_strict") ? Phase.DELETE_FLOWS : Phase.WRITE_FLOWS);
                }
            }
            case "ovs-appctl", "ping" -> phases.add(Phase.RESOLVE_TUNNEL_ENDPOINTS);
            default -> throw new AssertionError("unexpected command " + argv);
        }
        assertThat(phases).as("phases of %s", argv).isNotEmpty();
        return phases;
    }
}
