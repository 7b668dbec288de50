package io.weft.it.rules;

import static java.util.Objects.requireNonNull;

import io.weft.agent.process.CommandFailedException;
import io.weft.agent.process.CommandRunner;
import io.weft.lab.infra.Hypervisor;
import io.weft.rules.diff.Operation;
import io.weft.rules.model.IpFamily;
import io.weft.rules.parse.ActualState;
import io.weft.rules.parse.DumpFlowsParser;
import io.weft.rules.parse.IpsetSaveParser;
import io.weft.rules.parse.IptablesReadback;
import io.weft.rules.parse.IptablesSaveParser;
import io.weft.rules.parse.OvsdbParser;
import io.weft.rules.render.IpsetRestoreRenderer;
import io.weft.rules.render.IptablesRestoreRenderer;
import io.weft.rules.render.LinuxPlumbingCommands;
import io.weft.rules.render.OpenFlowBundleRenderer;
import io.weft.rules.render.OvsVsctlCommands;
import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.WeftCookie;
import java.util.ArrayList;
import java.util.List;

/**
 * One lab hypervisor driven only by the rules-engine: its renderers' output is fed, unchanged, to
 * the real tools inside the namespace in the order {@code io.weft.rules} documents, and the tools'
 * listings are read back through its parsers. Nothing here interprets or repairs the engine's
 * output, so a tool that rejects it, or prints it back differently, fails the caller's test.
 */
final class ToolDrivenHost {
    private final Hypervisor hypervisor;
    private final CommandRunner runner;
    private final String integrationBridge;

    ToolDrivenHost(Hypervisor hypervisor, CommandRunner runner, String integrationBridge) {
        this.hypervisor = requireNonNull(hypervisor, "hypervisor is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.integrationBridge = requireNonNull(integrationBridge, "integrationBridge is null");
    }

    /** The host as the parsers see it, plus the FORWARD jump counts the iptables renderer needs. */
    record ReadBack(HostDesiredState state, IptablesReadback ipv4, IptablesReadback ipv6) {
        int topChainJumps(IpFamily family) {
            return (family == IpFamily.IPV4 ? ipv4 : ipv6).topChainJumps();
        }
    }

    ReadBack readBack() {
        List<DesiredEntry> ovsdb = OvsdbParser.parse(listBridges(), listInterfaces());
        List<FlowEntry> flows = new ArrayList<>();
        for (DesiredEntry entry : ovsdb) {
            if (entry instanceof BridgeEntry bridge) {
                flows.addAll(DumpFlowsParser.parse(dumpOurFlows(bridge.name())));
            }
        }
        IptablesReadback ipv4 = IptablesSaveParser.parse(iptablesSave(IpFamily.IPV4), IpFamily.IPV4);
        IptablesReadback ipv6 = IptablesSaveParser.parse(iptablesSave(IpFamily.IPV6), IpFamily.IPV6);
        List<DesiredEntry> ipsets = IpsetSaveParser.parse(ipsetSave());
        return new ReadBack(ActualState.assemble(ipv4, ipv6, ipsets, flows, ovsdb), ipv4, ipv6);
    }

    /**
     * Applies {@code operations} (a diff from {@code before} towards {@code desired}) tool by tool:
     * sets and members; NIC plumbing, then bridges and ports; chains of both families; flows; then
     * port and plumbing removal; then member and set removal.
     */
    void apply(List<Operation> operations, HostDesiredState desired, ReadBack before) {
        restore(List.of("ipset", "-exist", "restore"), IpsetRestoreRenderer.renderAdditions(operations));
        LinuxPlumbingCommands.renderCreations(operations).forEach(this::ip);
        OvsVsctlCommands.renderCreations(operations, integrationBridge).forEach(this::vsctl);
        for (IpFamily family : IpFamily.values()) {
            restore(
                    List.of(family.iptablesCommand() + "-restore", "--noflush"),
                    IptablesRestoreRenderer.render(family, operations, desired, before.topChainJumps(family)));
        }
        restore(
                List.of(
                        "ovs-ofctl",
                        "-O",
                        OpenFlowBundleRenderer.OPENFLOW_VERSION,
                        "--bundle",
                        "add-flows",
                        integrationBridge,
                        "-"),
                OpenFlowBundleRenderer.render(operations));
        OvsVsctlCommands.renderDeletions(operations, integrationBridge).forEach(this::vsctl);
        LinuxPlumbingCommands.renderDeletions(operations).forEach(this::ip);
        restore(List.of("ipset", "-exist", "restore"), IpsetRestoreRenderer.renderRemovals(operations));
    }

    /**
     * The recompute fallback: rewrites every set (filled aside and swapped in), bridge, port, chain
     * and flow of {@code desired} whatever the host holds. The NIC plumbing must already exist.
     */
    void rewriteWhole(HostDesiredState desired, ReadBack before) {
        restore(List.of("ipset", "-exist", "restore"), IpsetRestoreRenderer.renderSwap(desired));
        OvsVsctlCommands.renderFull(desired, integrationBridge).forEach(this::vsctl);
        for (IpFamily family : IpFamily.values()) {
            restore(
                    List.of(family.iptablesCommand() + "-restore", "--noflush"),
                    IptablesRestoreRenderer.renderFull(family, desired, before.topChainJumps(family)));
        }
        restore(
                List.of(
                        "ovs-ofctl",
                        "-O",
                        OpenFlowBundleRenderer.OPENFLOW_VERSION,
                        "--bundle",
                        "add-flows",
                        integrationBridge,
                        "-"),
                OpenFlowBundleRenderer.renderReplaceAll(desired));
    }

    String iptablesSave(IpFamily family) {
        return hypervisor.exec(family.iptablesCommand() + "-save").stdout();
    }

    String ipsetSave() {
        return hypervisor.exec("ipset", "save").stdout();
    }

    String listBridges() {
        return vsctl(OvsVsctlCommands.LIST_BRIDGES);
    }

    String listInterfaces() {
        return vsctl(OvsVsctlCommands.LIST_INTERFACES);
    }

    /** Our flows on {@code bridge}, with statistics, as the agent lists them. */
    String dumpOurFlows(String bridge) {
        return hypervisor
                .ofctl(
                        "-O",
                        OpenFlowBundleRenderer.OPENFLOW_VERSION,
                        "--names",
                        "dump-flows",
                        bridge,
                        WeftCookie.DUMP_FILTER)
                .stdout();
    }

    /** {@code ip -o link show}: one line per device in the namespace. */
    String links() {
        return hypervisor.exec("ip", "-o", "link", "show").stdout();
    }

    private String vsctl(List<String> args) {
        return hypervisor.vsctl(args.toArray(String[]::new)).stdout();
    }

    private void ip(List<String> args) {
        List<String> argv = new ArrayList<>(args.size() + 1);
        argv.add("ip");
        argv.addAll(args);
        hypervisor.exec(argv);
    }

    /** Feeds a rendered script on stdin; an empty script means the tool has nothing to do. */
    private void restore(List<String> argv, String script) {
        if (script.isEmpty()) {
            return;
        }
        try {
            runner.runChecked(hypervisor.command(argv).withStdin(script));
        } catch (CommandFailedException rejected) {
            // The script is the evidence a rules-engine bug report needs, next to the tool's error.
            throw new AssertionError(
                    "the real tool rejected the rendered input\n" + rejected.getMessage() + "\n--- input ---\n"
                            + script,
                    rejected);
        }
    }
}
