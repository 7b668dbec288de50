package io.weft.agent.dataplane.linux;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.CommandResult;
import io.weft.rules.diff.Operation;
import io.weft.rules.model.Cidr;
import io.weft.rules.model.IpAddress;
import io.weft.rules.state.FlowEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure, before a flow starts sending to a tunnel endpoint, that OVS's userspace datapath can
 * address the endpoint on the underlay.
 *
 * <p>The userspace datapath keeps its own neighbour table for tunnel endpoints. A packet that finds
 * its endpoint missing there is dropped while OVS sends an ARP request of its own; entries also age
 * out after fifteen idle minutes. When a live migration repoints the peers at the VM's new host, the
 * first packet a peer sends there would be lost that way. So, for every endpoint the new flows send
 * to that OVS cannot resolve yet, this finds the next hop in OVS's route table, asks the host's kernel (whose neighbour table queues packets
 * instead of dropping them, and which may have resolved the endpoint already), pings the next hop
 * when the kernel does not know it either, and copies the answer into OVS's table with
 * {@code tnl/neigh/set}. The kernel datapath needs none of this: it resolves through the kernel.
 *
 * <p>Failing to resolve an endpoint (a host that is down) is not an error: the flows are still what
 * the host should have, and OVS keeps asking on its own. Pinging stops after {@link #PING_BUDGET} so
 * that a FULL listing many unreachable hosts cannot stall the apply.
 */
final class TunnelNeighbours {
    static final Duration PING_BUDGET = Duration.ofSeconds(2);

    private static final Logger LOG = LoggerFactory.getLogger(TunnelNeighbours.class);
    private static final Pattern TUNNEL_DESTINATION = Pattern.compile("set_field:([0-9A-Fa-f.:]+)->tun_dst");
    private static final Set<String> UNUSABLE_KERNEL_STATES = Set.of("FAILED", "INCOMPLETE", "NONE");

    /** What one preparation did: endpoints copied into OVS's table, and those left to OVS itself. */
    record Outcome(Set<String> seeded, Set<String> unresolved) {
        static final Outcome NOTHING = new Outcome(Set.of(), Set.of());
    }

    /** A next hop on the underlay: the endpoint itself, or the gateway towards it, and its device. */
    record NextHop(String address, String device) {}

    private final HostTools tools;
    private final List<String> appctl;
    private final LongSupplier nanoClock;

    TunnelNeighbours(HostTools tools, Optional<Path> vswitchdControl, LongSupplier nanoClock) {
        this.tools = requireNonNull(tools, "tools is null");
        this.appctl = List.of(
                "ovs-appctl",
                "--target=" + vswitchdControl.map(Object::toString).orElse("ovs-vswitchd"));
        this.nanoClock = requireNonNull(nanoClock, "nanoClock is null");
    }

    /** The tunnel endpoints that the flows these operations create or replace send to. */
    static SortedSet<String> destinations(List<Operation> operations) {
        SortedSet<String> destinations = new TreeSet<>();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert && upsert.entry() instanceof FlowEntry flow) {
                Matcher matcher = TUNNEL_DESTINATION.matcher(flow.actions());
                while (matcher.find()) {
                    destinations.add(matcher.group(1));
                }
            }
        }
        return destinations;
    }

    /** Resolves every endpoint OVS does not know yet; see the class comment. */
    Outcome prepare(Set<String> destinations) {
        if (destinations.isEmpty()) {
            return Outcome.NOTHING;
        }
        CommandResult table = tools.tryRun(command("tnl/neigh/show"));
        if (!table.succeeded()) {
            // An OVS without native tunnelling (or not answering): nothing this class can do.
            LOG.debug("tnl/neigh/show failed: {}", table.stderr().strip());
            return Outcome.NOTHING;
        }
        Set<String> known = parseNeighbourTable(table.stdout());
        Set<String> unknown = new TreeSet<>(destinations);
        unknown.removeAll(known);
        if (unknown.isEmpty()) {
            return Outcome.NOTHING;
        }
        // One read of OVS's route table for all of them: a lookup per endpoint costs a process each.
        CommandResult routeTable = tools.tryRun(command("ovs/route/show"));
        List<Route> routes = routeTable.succeeded() ? parseRouteTable(routeTable.stdout()) : List.of();
        Map<String, NextHop> pending = new LinkedHashMap<>();
        Set<String> unresolved = new TreeSet<>();
        for (String destination : unknown) {
            Optional<NextHop> hop = nextHop(routes, destination);
            if (hop.isEmpty()) {
                unresolved.add(destination);
            } else if (!known.contains(hop.get().address())) {
                pending.putIfAbsent(hop.get().address(), hop.get());
            }
        }
        if (pending.isEmpty()) {
            return new Outcome(Set.of(), unresolved);
        }

        Map<String, String> kernel = kernelNeighbours();
        long deadline = nanoClock.getAsLong() + PING_BUDGET.toNanos();
        boolean pinged = false;
        for (NextHop hop : pending.values()) {
            if (!kernel.containsKey(key(hop)) && nanoClock.getAsLong() < deadline) {
                // One echo makes the kernel resolve the next hop; its reply itself does not matter.
                tools.tryRun(List.of("ping", "-n", "-q", "-c", "1", "-W", "1", "-I", hop.device(), hop.address()));
                pinged = true;
            }
        }
        if (pinged) {
            kernel = kernelNeighbours();
        }

        Set<String> seeded = new TreeSet<>();
        for (NextHop hop : pending.values()) {
            String mac = kernel.get(key(hop));
            if (mac == null) {
                unresolved.add(hop.address());
            } else {
                tools.write(command("tnl/neigh/set", hop.device(), hop.address(), mac), "");
                seeded.add(hop.address());
            }
        }
        if (!seeded.isEmpty()) {
            LOG.info("tunnel endpoints resolved for the userspace datapath: {}", seeded);
        }
        if (!unresolved.isEmpty()) {
            LOG.info("tunnel endpoints not resolved on the underlay yet (OVS will ask itself): {}", unresolved);
        }
        return new Outcome(seeded, unresolved);
    }

    private Map<String, String> kernelNeighbours() {
        CommandResult shown = tools.tryRun(List.of("ip", "neigh", "show"));
        return shown.succeeded() ? parseKernelNeighbours(shown.stdout()) : Map.of();
    }

    private List<String> command(String... args) {
        List<String> argv = new ArrayList<>(appctl);
        argv.addAll(List.of(args));
        return argv;
    }

    private static String key(NextHop hop) {
        return hop.address() + "%" + hop.device();
    }

    /**
     * The addresses in {@code ovs-appctl tnl/neigh/show}: a heading, a rule of '=' and then one
     * line per entry, {@code <ip> <mac> <bridge>}.
     */
    static Set<String> parseNeighbourTable(String output) {
        Set<String> addresses = new HashSet<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && !fields[0].equals("IP") && !fields[0].startsWith("=")) {
                addresses.add(fields[0]);
            }
        }
        return addresses;
    }

    /** One route of OVS's table: a prefix, the device it leaves by, and its gateway if not on-link. */
    record Route(Cidr prefix, String device, Optional<String> gateway) {}

    /**
     * The routes in {@code ovs-appctl ovs/route/show}, one per line after a heading, e.g.
     * {@code Cached: 10.8.0.0/16 dev br-phy GW 10.9.9.254 SRC 10.9.9.1} (also {@code User:} lines).
     */
    static List<Route> parseRouteTable(String output) {
        List<Route> routes = new ArrayList<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            String device = valueAfter(fields, "dev");
            if (fields.length < 4 || !fields[0].endsWith(":") || device == null) {
                continue;
            }
            try {
                routes.add(new Route(Cidr.parse(fields[1]), device, Optional.ofNullable(valueAfter(fields, "GW"))));
            } catch (RuntimeException e) {
                LOG.debug("ignoring OVS route line '{}': {}", line, e.getMessage());
            }
        }
        return routes;
    }

    /** The longest-prefix route to {@code destination}: its gateway, or the destination itself on-link. */
    static Optional<NextHop> nextHop(List<Route> routes, String destination) {
        IpAddress address;
        try {
            address = IpAddress.parse(destination);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return routes.stream()
                .filter(route -> route.prefix().family() == address.family()
                        && address.masked(route.prefix().prefixLength())
                                .equals(route.prefix().network()))
                .max(Comparator.comparingInt(route -> route.prefix().prefixLength()))
                .map(route -> new NextHop(route.gateway().orElse(destination), route.device()));
    }

    /**
     * Usable entries of {@code ip neigh show}, keyed {@code <ip>%<dev>}: those with a link-layer
     * address and a state other than FAILED or INCOMPLETE, e.g.
     * {@code 10.0.0.2 dev br-phy lladdr 1a:e7:b5:d7:48:4e REACHABLE}.
     */
    static Map<String, String> parseKernelNeighbours(String output) {
        Map<String, String> neighbours = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length < 2) {
                continue;
            }
            String device = valueAfter(fields, "dev");
            String mac = valueAfter(fields, "lladdr");
            String state = fields[fields.length - 1];
            if (device != null && mac != null && !UNUSABLE_KERNEL_STATES.contains(state)) {
                neighbours.put(fields[0] + "%" + device, mac.toLowerCase(Locale.ROOT));
            }
        }
        return neighbours;
    }

    private static String valueAfter(String[] fields, String name) {
        for (int i = 0; i + 1 < fields.length; i++) {
            if (fields[i].equals(name)) {
                return fields[i + 1];
            }
        }
        return null;
    }
}
