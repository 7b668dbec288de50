package io.weft.it.rules;

import static io.weft.it.rules.RichHostModels.BRIDGE;
import static io.weft.it.rules.RichHostModels.NIC_DB;
import static io.weft.it.rules.RichHostModels.NIC_GRE;
import static io.weft.it.rules.RichHostModels.SG_WEB;
import static org.assertj.core.api.Assertions.assertThat;

import io.weft.agent.process.ProcessCommandRunner;
import io.weft.it.RealDataplane;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Lab;
import io.weft.rules.compile.GroupSets;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.compile.WeftNames;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.IpFamily;
import io.weft.rules.model.SegmentType;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.TunnelEntry;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 3's last acceptance point: what the renderers write, the real {@code ipset}, {@code
 * iptables-restore}, {@code ip6tables-restore}, {@code ip}, {@code ovs-vsctl} and {@code ovs-ofctl}
 * accept inside a namespace hypervisor, and what those tools print back the parsers turn into the
 * very state that was compiled. A changed model is reached by its diff alone, and the empty state
 * removes everything we own and nothing the host owns.
 *
 * <p>The tests run in order on one hypervisor, each going from whatever the host holds (read back)
 * to its target, as the agent does.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenderedStateAcceptedByRealToolsTest {
    /** The host's own chain and set: ours must never touch them. */
    private static final String HOST_CHAIN = "OTHER";

    private static final String HOST_SET = "other-set";

    private Lab lab;
    private Hypervisor hypervisor;
    private ToolDrivenHost host;
    private RichHostModels models;
    private HostsOwn hostsOwnBefore;

    @BeforeAll
    void startHypervisorWithTapsAndTheHostsOwnFilters() {
        RealDataplane.requireOrSkip();
        ProcessCommandRunner runner = new ProcessCommandRunner();
        lab = Lab.start(runner);
        hypervisor = lab.addHypervisor("hv1");
        host = new ToolDrivenHost(hypervisor, runner, BRIDGE);
        models = new RichHostModels(hypervisor.underlayIp());
        // The hypervisor creates a VM's tap before the agent plugs it, and owns the VLAN uplink.
        for (String tap : RichHostModels.taps()) {
            hypervisor.exec("ip", "tuntap", "add", "dev", tap, "mode", "tap");
            hypervisor.exec("ip", "link", "set", tap, "up");
        }
        // A veth stands in for the physical VLAN uplink (this kernel has no dummy devices).
        hypervisor.exec("ip", "link", "add", RichHostModels.VLAN_UPLINK, "type", "veth", "peer", "name", "vlanwire");
        hypervisor.exec("ip", "link", "set", RichHostModels.VLAN_UPLINK, "up");
        hypervisor.exec("ip", "link", "set", "vlanwire", "up");
        for (IpFamily family : IpFamily.values()) {
            String iptables = family.iptablesCommand();
            hypervisor.exec(iptables, "-N", HOST_CHAIN);
            hypervisor.exec(iptables, "-A", HOST_CHAIN, "-p", "tcp", "--dport", "9999", "-j", "ACCEPT");
            hypervisor.exec(iptables, "-A", "FORWARD", "-j", HOST_CHAIN);
        }
        hypervisor.exec("ipset", "create", HOST_SET, "hash:ip");
        hypervisor.exec("ipset", "add", HOST_SET, "192.0.2.77");
        hostsOwnBefore = HostsOwn.read(host);
        assertThat(hostsOwnBefore.ipv4())
                .as("OTHER's declaration, its rule and FORWARD's jump")
                .hasSize(3);
    }

    @AfterAll
    void closeLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    @Order(1)
    void compiledStateIsAcceptedByTheToolsAndReadsBackUnchanged() {
        HostDesiredState desired = HostCompiler.compile(models.initial());
        assertThat(desired.entries().values())
                .as("the model exercises every kind of entry the renderers write")
                .extracting(DesiredEntry::kind)
                .contains("ipset", "ipset-member", "chain", "bridge", "port", "tunnel", "uplink", "flow");
        assertThat(desired.tunnels()).extracting(TunnelEntry::type).containsExactly("gre", "vxlan");
        assertThat(desired.chains(IpFamily.IPV6.token())).isNotEmpty();

        converge(desired);

        assertReadsBackAs(desired);
        assertThat(host.readBack().ipv4().topChainJumps()).isEqualTo(1);
        assertThat(host.readBack().ipv6().topChainJumps()).isEqualTo(1);
        assertThat(HostsOwn.read(host)).isEqualTo(hostsOwnBefore);
    }

    @Test
    @Order(2)
    void wholeStateRewriteOfAHeldStateIsAcceptedAndReadsBackUnchanged() {
        HostDesiredState desired = HostCompiler.compile(models.initial());
        converge(desired);
        host.rewriteWhole(desired, host.readBack());

        assertReadsBackAs(desired);
        assertThat(host.readBack().ipv4().topChainJumps()).isEqualTo(1);
        assertThat(host.readBack().ipv6().topChainJumps()).isEqualTo(1);
        // Temporary twins are named weft-t...; the parser keeps them, so the read-back above
        // already shows none is left. Said once more against the raw listing:
        assertThat(host.ipsetSave())
                .as("the swap leaves no temporary set behind")
                .doesNotContain(" weft-t");
        assertThat(HostsOwn.read(host)).isEqualTo(hostsOwnBefore);
    }

    @Test
    @Order(3)
    void diffToAChangedModelIsAcceptedAndRemovesWhatLeftTheModel() {
        converge(HostCompiler.compile(models.initial()));
        HostDesiredState changed = HostCompiler.compile(models.changed());

        List<Operation> operations = converge(changed);

        assertThat(operations)
                .as("only the difference is applied, not the whole state")
                .hasSizeLessThan(changed.entries().size());
        assertReadsBackAs(changed);
        for (String gone : List.of(NIC_DB, NIC_GRE)) {
            assertNicIsGone(gone);
        }
        assertThat(host.listInterfaces()).doesNotContain("\"" + WeftNames.tunnelPort(SegmentType.GRE) + "\"");
        String ipsets = host.ipsetSave();
        assertThat(ipsets)
                .as("sg-web no longer refers to itself over IPv6")
                .doesNotContain(GroupSets.setName(SG_WEB, IpFamily.IPV6));
        assertThat(ipsets)
                .contains("add " + GroupSets.setName(SG_WEB, IpFamily.IPV4) + " 10.10.0.31")
                .doesNotContain("add " + GroupSets.setName(SG_WEB, IpFamily.IPV4) + " "
                        + RichHostModels.MEMBER_LEAVING_WEB + "\n");
        assertThat(host.dumpOurFlows(BRIDGE))
                .as("no flow still names the GRE port")
                .doesNotContain(WeftNames.tunnelPort(SegmentType.GRE));
        assertThat(HostsOwn.read(host)).isEqualTo(hostsOwnBefore);
    }

    @Test
    @Order(4)
    void diffToTheEmptyStateLeavesNothingOfOursAndSparesTheHostsOwn() {
        converge(HostCompiler.compile(models.changed()));

        converge(HostDesiredState.empty());

        assertReadsBackAs(HostDesiredState.empty());
        for (IpFamily family : IpFamily.values()) {
            assertThat(host.iptablesSave(family)).doesNotContain(WeftNames.OWNED_PREFIX);
        }
        assertThat(host.ipsetSave()).doesNotContain(WeftNames.OWNED_PREFIX);
        assertThat(host.listBridges()).doesNotContain(BRIDGE);
        assertThat(host.listInterfaces()).doesNotContain("weft");
        String links = host.links();
        for (String nic : List.of(RichHostModels.NIC_WEB, NIC_DB, NIC_GRE, RichHostModels.NIC_VLAN)) {
            assertThat(links).doesNotContain(WeftNames.linuxBridge(nic), WeftNames.ovsVeth(nic));
        }
        assertThat(links)
                .as("the taps belong to the hypervisor and stay")
                .contains(RichHostModels.taps().stream()
                        .map(tap -> " " + tap + ":")
                        .toArray(String[]::new));
        assertThat(HostsOwn.read(host)).isEqualTo(hostsOwnBefore);
    }

    /** Read back, diff, apply the diff, and return it. */
    private List<Operation> converge(HostDesiredState desired) {
        ToolDrivenHost.ReadBack before = host.readBack();
        List<Operation> operations = StateDiff.diff(before.state(), desired);
        host.apply(operations, desired, before);
        return operations;
    }

    private void assertReadsBackAs(HostDesiredState desired) {
        HostDesiredState actual = host.readBack().state();
        assertThat(StateDiff.diff(actual, desired))
                .as("diff between the read-back and the compiled state")
                .isEmpty();
        assertThat(actual.entries()).containsExactlyEntriesOf(desired.entries());
        assertThat(actual.hash()).isEqualTo(desired.hash());
    }

    private void assertNicIsGone(String nicId) {
        for (IpFamily family : IpFamily.values()) {
            assertThat(host.iptablesSave(family))
                    .doesNotContain(
                            WeftNames.ingressChain(nicId), WeftNames.egressChain(nicId), WeftNames.spoofChain(nicId));
        }
        assertThat(host.listInterfaces()).doesNotContain(WeftNames.ovsVeth(nicId));
        assertThat(host.dumpOurFlows(BRIDGE)).doesNotContain(WeftNames.ovsVeth(nicId));
        assertThat(host.links())
                .doesNotContain(WeftNames.linuxBridge(nicId), WeftNames.bridgeVeth(nicId), WeftNames.ovsVeth(nicId))
                .as("the tap stays")
                .contains(" " + RichHostModels.tap(nicId) + ":");
    }

    /** The lines of the host's own chain, FORWARD rule and set, which must survive every apply unchanged. */
    private record HostsOwn(List<String> ipv4, List<String> ipv6, List<String> set) {
        static HostsOwn read(ToolDrivenHost host) {
            return new HostsOwn(
                    lines(host.iptablesSave(IpFamily.IPV4), HOST_CHAIN),
                    lines(host.iptablesSave(IpFamily.IPV6), HOST_CHAIN),
                    lines(host.ipsetSave(), HOST_SET));
        }

        private static List<String> lines(String text, String mentioning) {
            return Arrays.stream(text.split("\n"))
                    .filter(line -> line.contains(mentioning))
                    .toList();
        }
    }
}
