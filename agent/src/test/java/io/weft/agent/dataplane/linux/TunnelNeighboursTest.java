package io.weft.agent.dataplane.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.agent.process.Command;
import io.weft.agent.process.CommandResult;
import io.weft.agent.process.CommandRunner;
import io.weft.rules.diff.Operation;
import io.weft.rules.state.FlowEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TunnelNeighboursTest {
    private static final Path CONTROL = Path.of("/run/hv/ovs-vswitchd.ctl");

    /**
     * A host with a userspace OVS and a kernel, as far as the three tools go: OVS's tunnel
     * neighbour table, its route table (one on-link underlay, one routed one), and a kernel
     * neighbour table that learns a reachable next hop when it is pinged.
     */
    private static final class UnderlayHost implements CommandRunner {
        final Map<String, String> ovsNeighbours = new LinkedHashMap<>();
        final Map<String, String> kernelNeighbours = new LinkedHashMap<>();
        final Map<String, String> reachable = new LinkedHashMap<>();
        final List<List<String>> commands = new ArrayList<>();
        final AtomicLong clock = new AtomicLong();
        Duration pingCost = Duration.ZERO;

        @Override
        public CommandResult run(Command command) {
            List<String> argv = command.argv();
            commands.add(argv);
            if (argv.get(0).equals("ovs-appctl")) {
                assertThat(argv.get(1)).isEqualTo("--target=" + CONTROL);
                return appctl(argv.subList(2, argv.size()));
            }
            if (argv.equals(List.of("ip", "neigh", "show"))) {
                StringBuilder out = new StringBuilder();
                kernelNeighbours.forEach((ip, mac) ->
                        out.append(ip).append(" dev br-phy lladdr ").append(mac).append(" REACHABLE\n"));
                out.append("10.250.1.99 dev br-phy FAILED\n");
                return ok(out.toString());
            }
            if (argv.get(0).equals("ping")) {
                clock.addAndGet(pingCost.toNanos());
                String target = argv.get(argv.size() - 1);
                if (reachable.containsKey(target)) {
                    kernelNeighbours.put(target, reachable.get(target));
                    return ok("1 packets transmitted, 1 received");
                }
                return new CommandResult(1, "1 packets transmitted, 0 received", "");
            }
            throw new AssertionError("unexpected command " + argv);
        }

        private CommandResult appctl(List<String> args) {
            switch (args.get(0)) {
                case "tnl/neigh/show" -> {
                    StringBuilder out = new StringBuilder(
                            "IP                                            MAC                 Bridge\n"
                                    + "==========================================================================\n");
                    ovsNeighbours.forEach((ip, mac) -> out.append(String.format("%-46s%-20s%s%n", ip, mac, "br-phy")));
                    return ok(out.toString());
                }
                case "ovs/route/show" -> {
                    return ok("Route Table:\n"
                            + "Cached: 10.250.1.3/32 dev br-phy SRC 10.250.1.3 local\n"
                            + "Cached: 10.250.1.0/24 dev br-phy SRC 10.250.1.3\n"
                            + "Cached: 10.251.0.0/16 dev br-phy GW 10.250.1.254 SRC 10.250.1.3\n"
                            + "Cached: fe80::/64 dev br-phy SRC fe80::1\n");
                }
                case "tnl/neigh/set" -> {
                    ovsNeighbours.put(args.get(2), args.get(3));
                    return ok("OK\n");
                }
                default -> throw new AssertionError("unexpected ovs-appctl " + args);
            }
        }

        @Override
        public long invocationCount() {
            return commands.size();
        }

        private static CommandResult ok(String stdout) {
            return new CommandResult(0, stdout, "");
        }
    }

    private final UnderlayHost host = new UnderlayHost();
    private final HostTools tools = new HostTools(
            host,
            new LinuxHostConfig(
                    "unix:/run/hv/db.sock",
                    Optional.empty(),
                    Optional.of(CONTROL),
                    Optional.empty(),
                    "br-weft",
                    1450,
                    Duration.ofSeconds(5)));
    private final TunnelNeighbours neighbours = new TunnelNeighbours(tools, Optional.of(CONTROL), host.clock::get);

    @Test
    void findsEveryEndpointTheNewFlowsSendTo() {
        List<Operation> operations = List.of(
                new Operation.Upsert(new FlowEntry(
                        1,
                        100,
                        "metadata=0x1000003e8,dl_dst=02:00:00:00:00:01",
                        "set_field:0x3e8->tun_id,set_field:10.250.1.2->tun_dst,output:weft-vxlan")),
                new Operation.Upsert(new FlowEntry(
                        1,
                        50,
                        "metadata=0x1000003e8",
                        "output:wv1,set_field:0x3e8->tun_id,set_field:10.250.1.1->tun_dst,output:weft-vxlan,"
                                + "set_field:10.250.1.2->tun_dst,output:weft-vxlan")),
                new Operation.Upsert(
                        new FlowEntry(2, 100, "metadata=0x1000003e8,dl_dst=02:00:00:00:00:02", "output:wv1")));

        assertThat(TunnelNeighbours.destinations(operations)).containsExactly("10.250.1.1", "10.250.1.2");
    }

    @Test
    void copiesWhatTheKernelAlreadyKnowsWithoutPinging() {
        host.kernelNeighbours.put("10.250.1.2", "1a:e7:b5:d7:48:4e");

        TunnelNeighbours.Outcome outcome = neighbours.prepare(Set.of("10.250.1.2"));

        assertThat(outcome.seeded()).containsExactly("10.250.1.2");
        assertThat(host.ovsNeighbours).containsEntry("10.250.1.2", "1a:e7:b5:d7:48:4e");
        assertThat(host.commands).noneMatch(argv -> argv.get(0).equals("ping"));
        assertThat(tools.writeCount()).isEqualTo(1);
    }

    @Test
    void pingsAnEndpointNobodyKnowsAndSeedsTheAnswer() {
        host.reachable.put("10.250.1.2", "1a:e7:b5:d7:48:4e");

        TunnelNeighbours.Outcome outcome = neighbours.prepare(Set.of("10.250.1.2"));

        assertThat(outcome.seeded()).containsExactly("10.250.1.2");
        assertThat(host.ovsNeighbours).containsEntry("10.250.1.2", "1a:e7:b5:d7:48:4e");
        assertThat(host.commands)
                .contains(List.of("ping", "-n", "-q", "-c", "1", "-W", "1", "-I", "br-phy", "10.250.1.2"));
    }

    @Test
    void resolvesTheGatewayOfARoutedEndpoint() {
        host.reachable.put("10.250.1.254", "aa:bb:cc:00:00:fe");

        TunnelNeighbours.Outcome outcome = neighbours.prepare(Set.of("10.251.0.7", "10.251.0.8"));

        assertThat(outcome.seeded()).containsExactly("10.250.1.254");
        assertThat(host.ovsNeighbours).containsOnlyKeys("10.250.1.254");
        assertThat(host.commands.stream().filter(argv -> argv.get(0).equals("ping")))
                .as("one next hop, one ping")
                .hasSize(1);
        assertThat(host.commands.stream().filter(argv -> argv.contains("ovs/route/show")))
                .as("the route table is read once for all endpoints")
                .hasSize(1);
    }

    @Test
    void leavesKnownEndpointsAloneAndWritesNothing() {
        host.ovsNeighbours.put("10.250.1.2", "1a:e7:b5:d7:48:4e");

        TunnelNeighbours.Outcome outcome = neighbours.prepare(Set.of("10.250.1.2"));

        assertThat(outcome).isEqualTo(new TunnelNeighbours.Outcome(Set.of(), Set.of()));
        assertThat(host.commands).containsExactly(List.of("ovs-appctl", "--target=" + CONTROL, "tnl/neigh/show"));
        assertThat(tools.writeCount()).isZero();
    }

    @Test
    void anUnreachableOrUnroutedEndpointIsLeftToOvsWithoutFailing() {
        TunnelNeighbours.Outcome outcome = neighbours.prepare(Set.of("10.250.1.9", "192.0.2.1"));

        assertThat(outcome.seeded()).isEmpty();
        assertThat(outcome.unresolved()).containsExactly("10.250.1.9", "192.0.2.1");
        assertThat(host.ovsNeighbours).isEmpty();
        assertThat(tools.writeCount()).isZero();
    }

    @Test
    void stopsPingingWhenTheBudgetIsSpent() {
        host.pingCost = TunnelNeighbours.PING_BUDGET.dividedBy(2);
        for (int i = 10; i < 20; i++) {
            host.reachable.put("10.250.1." + i, String.format("aa:bb:cc:00:00:%02x", i));
        }
        Set<String> destinations = new java.util.TreeSet<>(host.reachable.keySet());

        TunnelNeighbours.Outcome outcome = neighbours.prepare(destinations);

        assertThat(host.commands.stream().filter(argv -> argv.get(0).equals("ping")))
                .hasSize(2);
        assertThat(outcome.seeded()).hasSize(2);
        assertThat(outcome.unresolved()).hasSize(8);
    }

    @Test
    void parsesTheToolsOutputs() {
        List<TunnelNeighbours.Route> routes = TunnelNeighbours.parseRouteTable("Route Table:\n"
                + "Cached: 10.9.9.1/32 dev br-phy SRC 10.9.9.1 local\n"
                + "Cached: 10.9.9.0/24 dev br-phy SRC 10.9.9.1\n"
                + "User: 10.8.0.0/16 dev br-phy GW 10.9.9.254 SRC 10.9.9.1\n"
                + "Cached: 10.8.7.0/24 dev br-ul2 SRC 10.8.7.1\n"
                + "Cached: fe80::/64 dev br-phy SRC fe80::7885:2aff:fe07:e24b\n");
        assertThat(routes).hasSize(5);
        assertThat(TunnelNeighbours.nextHop(routes, "10.9.9.2"))
                .contains(new TunnelNeighbours.NextHop("10.9.9.2", "br-phy"));
        assertThat(TunnelNeighbours.nextHop(routes, "10.8.1.1"))
                .contains(new TunnelNeighbours.NextHop("10.9.9.254", "br-phy"));
        assertThat(TunnelNeighbours.nextHop(routes, "10.8.7.9"))
                .as("the longest prefix wins")
                .contains(new TunnelNeighbours.NextHop("10.8.7.9", "br-ul2"));
        assertThat(TunnelNeighbours.nextHop(routes, "192.0.2.1")).isEmpty();
        assertThat(TunnelNeighbours.parseKernelNeighbours("10.250.1.2 dev br-phy lladdr 1A:E7:B5:D7:48:4E STALE\n"
                        + "10.250.1.9 dev br-phy INCOMPLETE\n"
                        + "fe80::1 dev br-phy lladdr 02:00:00:00:00:01 router REACHABLE\n"))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("10.250.1.2%br-phy", "1a:e7:b5:d7:48:4e", "fe80::1%br-phy", "02:00:00:00:00:01"));
        assertThat(TunnelNeighbours.parseNeighbourTable("IP   MAC   Bridge\n=====\n"
                        + "10.250.1.2                                    1a:e7:b5:d7:48:4e   br-phy\n"))
                .containsExactly("10.250.1.2");
    }
}
