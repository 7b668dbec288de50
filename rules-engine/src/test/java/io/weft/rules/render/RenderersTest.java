package io.weft.rules.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.diff.Operation;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.BridgeEntry;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import io.weft.rules.state.NicPortEntry;
import io.weft.rules.state.TunnelEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {
    private static final ChainEntry TOP = new ChainEntry(
            "ipv4", "weft-FORWARD", List.of("-m physdev --physdev-out tap1 --physdev-is-bridged -j weft-i-1"));
    private static final ChainEntry INGRESS = new ChainEntry("ipv4", "weft-i-1", List.of("-j DROP"));
    private static final HostDesiredState DESIRED = HostDesiredState.of(List.of(TOP, INGRESS));

    @Test
    void iptablesRestoreDeclaresEachOfOurChainsThenFillsItThenAddsTheJumpOnce() {
        assertThat(IptablesRestoreRenderer.renderFull(IpFamily.IPV4, DESIRED, 0))
                .isEqualTo(
                        """
                        *filter
                        :weft-FORWARD - [0:0]
                        :weft-i-1 - [0:0]
                        -A weft-FORWARD -m physdev --physdev-out tap1 --physdev-is-bridged -j weft-i-1
                        -A weft-i-1 -j DROP
                        -I FORWARD 1 -j weft-FORWARD
                        COMMIT
                        """);
        assertThat(IptablesRestoreRenderer.renderFull(IpFamily.IPV4, DESIRED, 1))
                .doesNotContain("FORWARD 1");
        assertThat(IptablesRestoreRenderer.renderFull(IpFamily.IPV6, DESIRED, 0))
                .isEmpty();
    }

    @Test
    void iptablesRestoreDeletesStaleChainsAfterRewritingTheirReferencesAndExtraJumps() {
        String script = IptablesRestoreRenderer.render(
                IpFamily.IPV4,
                List.of(
                        new Operation.Upsert(TOP),
                        new Operation.Remove(new ChainEntry("ipv4", "weft-i-2", List.of("-j DROP")))),
                DESIRED,
                3);
        assertThat(script)
                .isEqualTo(
                        """
                        *filter
                        :weft-FORWARD - [0:0]
                        :weft-i-2 - [0:0]
                        -A weft-FORWARD -m physdev --physdev-out tap1 --physdev-is-bridged -j weft-i-1
                        -X weft-i-2
                        -D FORWARD -j weft-FORWARD
                        -D FORWARD -j weft-FORWARD
                        COMMIT
                        """);
    }

    @Test
    void nothingToDoRendersNothing() {
        assertThat(IptablesRestoreRenderer.render(IpFamily.IPV4, List.of(), DESIRED, 1))
                .isEmpty();
    }

    @Test
    void ipsetSwapFillsATemporarySetAndSwapsIt() {
        HostDesiredState sets = HostDesiredState.of(List.of(
                new IpSetEntry("weft-g6-abc", "hash:net", "inet6"),
                new IpSetMemberEntry("weft-g6-abc", "2001:db8::1")));
        assertThat(IpsetRestoreRenderer.renderSwap(sets))
                .isEqualTo(
                        """
                        create weft-g6-abc hash:net family inet6 hashsize 1024 maxelem 1048576
                        create weft-t6-abc hash:net family inet6 hashsize 1024 maxelem 1048576
                        flush weft-t6-abc
                        add weft-t6-abc 2001:db8::1
                        swap weft-t6-abc weft-g6-abc
                        destroy weft-t6-abc
                        """);
    }

    @Test
    void ipsetDeltaAddsBeforeAndDeletesAfterTheRules() {
        List<Operation> operations = List.of(
                new Operation.Upsert(new IpSetMemberEntry("weft-g4-a", "10.0.0.7")),
                new Operation.Remove(new IpSetMemberEntry("weft-g4-a", "10.0.0.5")),
                new Operation.Remove(new IpSetMemberEntry("weft-g4-b", "10.0.0.9")),
                new Operation.Remove(new IpSetEntry("weft-g4-b", "hash:net", "inet")));
        assertThat(IpsetRestoreRenderer.renderAdditions(operations)).isEqualTo("add weft-g4-a 10.0.0.7\n");
        assertThat(IpsetRestoreRenderer.renderRemovals(operations))
                .isEqualTo("del weft-g4-a 10.0.0.5\ndestroy weft-g4-b\n");
    }

    @Test
    void flowsCarryOurCookieAndRemovalsAreStrict() {
        FlowEntry flow = new FlowEntry(1, 100, "metadata=0x100000064,dl_dst=fa:16:3e:00:00:01", "output:wvo1");
        assertThat(OpenFlowBundleRenderer.render(
                        List.of(new Operation.Upsert(flow), new Operation.Remove(new FlowEntry(0, 0, "", "drop")))))
                .isEqualTo(
                        """
                        add cookie=0x5745465400000001,table=1,priority=100,metadata=0x100000064,dl_dst=fa:16:3e:00:00:01,actions=output:wvo1
                        delete_strict cookie=0x5745465400000001/-1,table=0,priority=0
                        """);
        assertThat(OpenFlowBundleRenderer.renderReplaceAll(HostDesiredState.of(List.of(flow))))
                .startsWith("delete cookie=0x5745465400000001/-1\nadd cookie=");
    }

    @Test
    void vsctlCommandsAreArgumentVectors() {
        List<Operation> operations = List.of(
                new Operation.Upsert(new BridgeEntry("br-weft", "netdev")),
                new Operation.Upsert(new TunnelEntry("gre", "weft-gre", "192.0.2.1")),
                new Operation.Remove(new NicPortEntry("n", "tapn", "wbrx", "wvbx", "wvox")));
        assertThat(OvsVsctlCommands.renderCreations(operations, "br-weft"))
                .containsExactly(
                        List.of(
                                "--may-exist",
                                "add-br",
                                "br-weft",
                                "--",
                                "set",
                                "Bridge",
                                "br-weft",
                                "datapath_type=netdev",
                                "fail_mode=secure",
                                "protocols=OpenFlow10,OpenFlow13",
                                "external_ids:weft-owner=weft"),
                        List.of(
                                "--may-exist",
                                "add-port",
                                "br-weft",
                                "weft-gre",
                                "--",
                                "set",
                                "Interface",
                                "weft-gre",
                                "type=gre",
                                "options:remote_ip=flow",
                                "options:key=flow",
                                "options:local_ip=192.0.2.1",
                                "external_ids:weft-owner=weft",
                                "external_ids:weft-role=tunnel"));
        assertThat(OvsVsctlCommands.renderDeletions(operations, "br-weft"))
                .containsExactly(List.of("--if-exists", "del-port", "br-weft", "wvox"));
    }
}
