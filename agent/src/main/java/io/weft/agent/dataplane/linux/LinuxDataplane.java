package io.weft.agent.dataplane.linux;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weft.agent.dataplane.ApplyResult;
import io.weft.agent.dataplane.Dataplane;
import io.weft.agent.dataplane.DataplaneException;
import io.weft.agent.dataplane.ReadBack;
import io.weft.agent.process.CommandRunner;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.Phase;
import io.weft.rules.model.IpFamily;
import io.weft.rules.parse.ActualState;
import io.weft.rules.parse.DumpFlowsParser;
import io.weft.rules.parse.IpsetSaveParser;
import io.weft.rules.parse.IptablesReadback;
import io.weft.rules.parse.IptablesSaveParser;
import io.weft.rules.parse.OvsdbParser;
import io.weft.rules.render.IpsetRestoreRenderer;
import io.weft.rules.render.IptablesRestoreRenderer;
import io.weft.rules.render.OpenFlowBundleRenderer;
import io.weft.rules.render.OvsVsctlCommands;
import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.NicPortEntry;
import io.weft.rules.state.WeftCookie;
import io.weft.spec.host.PortCounters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Programs a Linux hypervisor: Open vSwitch through {@code ovs-vsctl} and {@code ovs-ofctl
 * --bundle}, filters through {@code ipset restore} and {@code iptables-restore --noflush}, and each
 * NIC's hybrid plumbing (tap ─ Linux bridge ─ veth ─ integration bridge) through {@code ip}. It
 * reads back and writes only what carries our names, cookie or external ids.
 *
 * <p>Writes run in the order of {@link Phase}, which is written down there and only there: each
 * tool writer is bound to the phases it writes and {@link PhaseWriters} runs them phase by phase,
 * so nothing is ever referenced before it exists or removed while still referenced.
 */
public final class LinuxDataplane implements Dataplane {
    private static final List<String> LIST_INTERFACES = List.of(
            "--format=json", "--data=json", "--columns=name,type,options,external_ids,statistics", "list", "Interface");

    private final HostTools tools;
    private final TunnelNeighbours tunnelNeighbours;
    private final LinuxHostConfig config;
    private final PhaseWriters<Pass> writers = bindWriters();
    private final ObjectMapper json = new ObjectMapper();
    // From the last read-back: what exists below the entry view, so that plugging runs only the
    // steps that are missing (a NIC waiting for its tap must not cost a write per reconcile).
    private LinkTable lastLinks = new LinkTable(Map.of());
    private Set<String> lastOvsNicPorts = Set.of();

    public LinuxDataplane(CommandRunner runner, LinuxHostConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.tools = new HostTools(requireNonNull(runner, "runner is null"), config);
        this.tunnelNeighbours = new TunnelNeighbours(tools, config.vswitchdControl(), System::nanoTime);
    }

    @Override
    public long writeCount() {
        return tools.writeCount();
    }

    @Override
    public ReadBack readBack() {
        String bridgesJson = tools.read(tools.vsctl(OvsVsctlCommands.LIST_BRIDGES));
        String interfacesJson = tools.read(tools.vsctl(LIST_INTERFACES));
        List<DesiredEntry> ovsdb = OvsdbParser.parse(bridgesJson, interfacesJson);
        List<FlowEntry> flows = new ArrayList<>();
        for (DesiredEntry entry : ovsdb) {
            if (entry instanceof BridgeEntry bridge) {
                flows.addAll(DumpFlowsParser.parse(tools.read(HostTools.ofctl(
                        "-O",
                        OpenFlowBundleRenderer.OPENFLOW_VERSION,
                        "--names",
                        "--no-stats",
                        "dump-flows",
                        bridge.name(),
                        WeftCookie.DUMP_FILTER))));
            }
        }
        List<DesiredEntry> ipsets = IpsetSaveParser.parse(tools.read(List.of("ipset", "save")));
        IptablesReadback ipv4 =
                IptablesSaveParser.parse(tools.read(List.of("iptables-save", "-t", "filter")), IpFamily.IPV4);
        IptablesReadback ipv6 =
                IptablesSaveParser.parse(tools.read(List.of("ip6tables-save", "-t", "filter")), IpFamily.IPV6);
        LinkTable links = LinkTable.parse(tools.read(List.of("ip", "-o", "link", "show")));

        Set<String> ovsNicPorts = new HashSet<>();
        List<DesiredEntry> plumbed = new ArrayList<>();
        for (DesiredEntry entry : ovsdb) {
            if (entry instanceof NicPortEntry port) {
                ovsNicPorts.add(port.ovsVeth());
                // A NIC counts as present only when the whole path is in place; otherwise the
                // diff asks for it again and apply completes whatever step is missing.
                if (isPlumbed(port, links)) {
                    plumbed.add(port);
                }
            } else {
                plumbed.add(entry);
            }
        }
        HostDesiredState state = ActualState.assemble(ipv4, ipv6, ipsets, flows, plumbed);
        state = withoutBrokenTopChain(state, ipv4);
        state = withoutBrokenTopChain(state, ipv6);
        lastLinks = links;
        lastOvsNicPorts = Set.copyOf(ovsNicPorts);
        Map<String, Integer> jumps = Map.of(
                IpFamily.IPV4.token(), ipv4.topChainJumps(),
                IpFamily.IPV6.token(), ipv6.topChainJumps());
        return new ReadBack(state, jumps, links.links().keySet(), portCounters(interfacesJson));
    }

    /**
     * Our top chain is only useful with exactly one jump to it from FORWARD. The entry model has no
     * key for that jump, so a missing or doubled jump is shown as a missing top chain: the diff
     * then rewrites the chain and the renderer restores exactly one jump.
     */
    private static HostDesiredState withoutBrokenTopChain(HostDesiredState state, IptablesReadback readback) {
        String key = ChainEntry.keyOf(readback.family().token(), io.weft.rules.compile.WeftNames.TOP_CHAIN);
        if (readback.topChainJumps() == 1 || !state.entries().containsKey(key)) {
            return state;
        }
        TreeMap<String, DesiredEntry> entries = new TreeMap<>(state.entries());
        entries.remove(key);
        return new HostDesiredState(entries);
    }

    private static boolean isPlumbed(NicPortEntry port, LinkTable links) {
        return links.exists(port.linuxBridge())
                && links.exists(port.ovsVeth())
                && links.masterOf(port.bridgeVeth())
                        .filter(port.linuxBridge()::equals)
                        .isPresent()
                && links.masterOf(port.tapDevice())
                        .filter(port.linuxBridge()::equals)
                        .isPresent();
    }

    @Override
    public ApplyResult apply(List<Operation> operations, HostDesiredState desired, ReadBack readBack) {
        if (operations.isEmpty()) {
            return new ApplyResult(0, Set.of());
        }
        long before = tools.writeCount();
        String bridge =
                desired.bridges().stream().findFirst().map(BridgeEntry::name).orElse(config.integrationBridge());
        Pass pass = new Pass(desired, readBack, bridge, new HashSet<>());
        writers.run(operations, pass);
        return new ApplyResult(tools.writeCount() - before, pass.pending());
    }

    /**
     * What the writers of one apply share: the state written towards, the read-back it was diffed
     * from, the bridge that ports and flows go on, and the NICs whose tap does not exist yet.
     */
    private record Pass(HostDesiredState desired, ReadBack readBack, String bridge, Set<String> pending) {
        Pass {
            requireNonNull(desired, "desired is null");
            requireNonNull(readBack, "readBack is null");
            requireNonNull(bridge, "bridge is null");
            requireNonNull(pending, "pending is null");
        }
    }

    /** Which tool writes which phases; {@link PhaseWriters} runs them in the order of {@link Phase}, not this one. */
    private PhaseWriters<Pass> bindWriters() {
        return PhaseWriters.<Pass>builder()
                .bind(
                        (operations, pass) -> restoreSets(IpsetRestoreRenderer.renderAdditions(operations)),
                        Phase.CREATE_SETS,
                        Phase.ADD_MEMBERS)
                .bind(this::plugNics, Phase.PLUG_NICS)
                .bind(this::createBridgesAndPorts, Phase.CREATE_BRIDGES, Phase.CREATE_PORTS)
                .bind(this::writeChains, Phase.WRITE_CHAINS, Phase.DELETE_CHAINS)
                .bind(this::resolveTunnelEndpoints, Phase.RESOLVE_TUNNEL_ENDPOINTS)
                .bind(this::writeFlows, Phase.WRITE_FLOWS, Phase.DELETE_FLOWS)
                .bind(this::deletePortsAndBridges, Phase.DELETE_PORTS, Phase.DELETE_BRIDGES)
                .bind(this::unplugNics, Phase.UNPLUG_NICS)
                .bind(
                        (operations, pass) -> restoreSets(IpsetRestoreRenderer.renderRemovals(operations)),
                        Phase.DELETE_MEMBERS,
                        Phase.DELETE_SETS)
                .build();
    }

    private void restoreSets(String script) {
        if (!script.isEmpty()) {
            tools.write(List.of("ipset", "-exist", "restore"), script);
        }
    }

    private void plugNics(List<Operation> operations, Pass pass) {
        LinkBatch plumbing = new LinkBatch();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert && upsert.entry() instanceof NicPortEntry port) {
                if (!plug(port, plumbing)) {
                    pass.pending().add(port.nicId());
                }
            }
        }
        writeLinks(plumbing);
    }

    /** One OVSDB transaction; a NIC port OVS already has is left alone while its plumbing is completed. */
    private void createBridgesAndPorts(List<Operation> operations, Pass pass) {
        List<Operation> creations = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert
                    && upsert.entry() instanceof NicPortEntry port
                    && lastOvsNicPorts.contains(port.ovsVeth())) {
                continue;
            }
            creations.add(operation);
        }
        List<List<String>> commands = OvsVsctlCommands.renderCreations(creations, pass.bridge());
        if (!commands.isEmpty()) {
            tools.write(tools.vsctl(joined(commands)), "");
        }
    }

    /** Rendered even without chain operations: the renderer also leaves exactly one FORWARD jump. */
    private void writeChains(List<Operation> operations, Pass pass) {
        for (IpFamily family : IpFamily.values()) {
            String script = IptablesRestoreRenderer.render(
                    family, operations, pass.desired(), pass.readBack().topChainJumps(family.token()));
            if (!script.isEmpty()) {
                tools.write(List.of(family.iptablesCommand() + "-restore", "--noflush"), script);
            }
        }
    }

    private void resolveTunnelEndpoints(List<Operation> operations, Pass pass) {
        if (isUserspaceDatapath(pass.desired())) {
            tunnelNeighbours.prepare(TunnelNeighbours.destinations(operations));
        }
    }

    private void writeFlows(List<Operation> operations, Pass pass) {
        String flows = OpenFlowBundleRenderer.render(operations);
        if (!flows.isEmpty()) {
            tools.write(
                    HostTools.ofctl(
                            "-O", OpenFlowBundleRenderer.OPENFLOW_VERSION, "--bundle", "add-flows", pass.bridge(), "-"),
                    flows);
        }
    }

    private void deletePortsAndBridges(List<Operation> operations, Pass pass) {
        List<List<String>> commands = OvsVsctlCommands.renderDeletions(operations, pass.bridge());
        if (!commands.isEmpty()) {
            tools.write(tools.vsctl(joined(commands)), "");
        }
    }

    private void unplugNics(List<Operation> operations, Pass pass) {
        LinkBatch unplugging = new LinkBatch();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Remove remove && remove.previous() instanceof NicPortEntry port) {
                unplug(port, unplugging);
            }
        }
        writeLinks(unplugging);
    }

    @Override
    public ApplyResult applyMembers(List<Operation> operations) {
        for (Operation operation : operations) {
            if (!Dataplane.isMemberChange(operation)) {
                throw new IllegalArgumentException("not a set member change: " + operation);
            }
        }
        String script =
                IpsetRestoreRenderer.renderAdditions(operations) + IpsetRestoreRenderer.renderRemovals(operations);
        if (script.isEmpty()) {
            return new ApplyResult(0, Set.of());
        }
        tools.write(List.of("ipset", "-exist", "restore"), script);
        return new ApplyResult(1, Set.of());
    }

    private static boolean isUserspaceDatapath(HostDesiredState desired) {
        return desired.bridges().stream()
                .anyMatch(bridge -> bridge.datapathType().equals("netdev"));
    }

    /** Adds the missing steps of a NIC's hybrid plumbing to the batch; false when its tap does not exist yet. */
    private boolean plug(NicPortEntry port, LinkBatch batch) {
        LinkTable links = lastLinks;
        boolean tapExists = links.exists(port.tapDevice());
        if (!tapExists) {
            // The probe is needed because the tap may have appeared since the read-back.
            tapExists = tools.tryRun(List.of("ip", "link", "show", "dev", port.tapDevice()))
                    .succeeded();
        }
        if (!links.exists(port.linuxBridge())) {
            batch.add("link", "add", "name", port.linuxBridge(), "type", "bridge");
            batch.add("link", "set", port.linuxBridge(), "up");
        }
        if (!links.exists(port.bridgeVeth()) || !links.exists(port.ovsVeth())) {
            if (links.exists(port.bridgeVeth())) {
                batch.add("link", "del", port.bridgeVeth());
            }
            int mtu = links.links().containsKey(port.tapDevice())
                    ? links.links().get(port.tapDevice()).mtu()
                    : config.vethMtu();
            String mtuText = Integer.toString(mtu);
            batch.add(
                    "link",
                    "add",
                    "name",
                    port.bridgeVeth(),
                    "mtu",
                    mtuText,
                    "type",
                    "veth",
                    "peer",
                    "name",
                    port.ovsVeth(),
                    "mtu",
                    mtuText);
            batch.add("link", "set", port.ovsVeth(), "up");
        }
        if (links.masterOf(port.bridgeVeth()).filter(port.linuxBridge()::equals).isEmpty()) {
            batch.add("link", "set", port.bridgeVeth(), "master", port.linuxBridge(), "up");
        }
        if (tapExists
                && links.masterOf(port.tapDevice())
                        .filter(port.linuxBridge()::equals)
                        .isEmpty()) {
            batch.add("link", "set", port.tapDevice(), "master", port.linuxBridge(), "up");
        }
        return tapExists;
    }

    /** Removing the bridge releases the tap (which belongs to the hypervisor); the veth pair goes with one end. */
    private void unplug(NicPortEntry port, LinkBatch batch) {
        if (lastLinks.exists(port.bridgeVeth()) || lastLinks.exists(port.ovsVeth())) {
            String end = lastLinks.exists(port.bridgeVeth()) ? port.bridgeVeth() : port.ovsVeth();
            batch.add("link", "del", end);
        }
        if (lastLinks.exists(port.linuxBridge())) {
            batch.add("link", "del", port.linuxBridge());
        }
    }

    /**
     * Runs a pass's {@code ip} commands as one {@code ip -batch -}: a hundred NICs are about six
     * hundred link changes, and one process instead of six hundred saves seconds. ip stops at the
     * first failing line, as the separate commands did.
     */
    private void writeLinks(LinkBatch batch) {
        if (!batch.isEmpty()) {
            tools.write(List.of("ip", "-batch", "-"), batch.script());
        }
    }

    /** {@code ip} commands (without the leading "ip") collected for one {@code ip -batch -}. */
    private static final class LinkBatch {
        private final StringBuilder script = new StringBuilder();

        void add(String... args) {
            script.append(String.join(" ", args)).append('\n');
        }

        boolean isEmpty() {
            return script.length() == 0;
        }

        String script() {
            return script.toString();
        }
    }

    private static List<String> joined(List<List<String>> commands) {
        List<String> argv = new ArrayList<>();
        for (List<String> command : commands) {
            if (!argv.isEmpty()) {
                argv.add("--");
            }
            argv.addAll(command);
        }
        return argv;
    }

    /** Packet counters of our NIC ports from the Interface table's statistics column. */
    private SortedMap<String, PortCounters> portCounters(String interfacesJson) {
        SortedMap<String, PortCounters> counters = new TreeMap<>();
        JsonNode table;
        try {
            table = json.readTree(interfacesJson);
        } catch (IOException e) {
            throw new DataplaneException("unreadable ovs-vsctl output: " + e.getMessage(), e);
        }
        List<String> headings = new ArrayList<>();
        table.path("headings").forEach(heading -> headings.add(heading.asText()));
        for (JsonNode row : table.path("data")) {
            Map<String, JsonNode> cells = new HashMap<>();
            for (int i = 0; i < headings.size(); i++) {
                cells.put(headings.get(i), row.path(i));
            }
            Map<String, String> ids = ovsdbMap(cells.get("external_ids"));
            if (!OvsVsctlCommands.OWNER_VALUE.equals(ids.get(OvsVsctlCommands.OWNER_KEY))
                    || !ids.containsKey(OvsVsctlCommands.NIC_KEY)) {
                continue;
            }
            Map<String, String> stats = ovsdbMap(cells.get("statistics"));
            counters.put(
                    ids.get(OvsVsctlCommands.NIC_KEY),
                    new PortCounters(
                            number(stats, "rx_packets"),
                            number(stats, "tx_packets"),
                            number(stats, "rx_bytes"),
                            number(stats, "tx_bytes")));
        }
        return counters;
    }

    private static Map<String, String> ovsdbMap(JsonNode cell) {
        Map<String, String> map = new HashMap<>();
        if (cell != null
                && cell.isArray()
                && cell.size() == 2
                && "map".equals(cell.get(0).asText())) {
            cell.get(1)
                    .forEach(pair -> map.put(pair.get(0).asText(), pair.get(1).asText()));
        }
        return map;
    }

    private static long number(Map<String, String> stats, String key) {
        try {
            return Long.parseLong(stats.getOrDefault(key, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
