package io.weft.rules.testing;

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
import io.weft.rules.render.OpenFlowBundleRenderer;
import io.weft.rules.render.OvsVsctlCommands;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.WeftCookie;
import java.util.List;

/**
 * A whole fake host (ipset, iptables for both families, OVSDB, one bridge's flows) driven the way
 * the agent drives the real one: read back, diff, then apply the operations tool by tool in the
 * documented order.
 */
public final class TestingHost {
    public final TestingIpset ipset = new TestingIpset();
    public final TestingIptables ipv4 = new TestingIptables();
    public final TestingIptables ipv6 = new TestingIptables();
    public final TestingOvsdb ovsdb = new TestingOvsdb();
    public final TestingOpenFlowSwitch flows = new TestingOpenFlowSwitch();
    private final String bridge;

    public TestingHost(String bridge) {
        this.bridge = bridge;
    }

    public IptablesReadback readIptables(IpFamily family) {
        return IptablesSaveParser.parse((family == IpFamily.IPV4 ? ipv4 : ipv6).save(), family);
    }

    /** What the host holds, read back through the parsers from the fakes' tool output. */
    public HostDesiredState readBack() {
        return ActualState.assemble(
                readIptables(IpFamily.IPV4),
                readIptables(IpFamily.IPV6),
                IpsetSaveParser.parse(ipset.save()),
                DumpFlowsParser.parse(flows.dumpFlows(WeftCookie.DUMP_FILTER)),
                OvsdbParser.parse(ovsdb.listBridges(), ovsdb.listInterfaces()));
    }

    /** Tool by tool in the order the operations' phases require; each script is what the real tool gets. */
    public void apply(List<Operation> operations, HostDesiredState desired) {
        ipset.restoreExist(IpsetRestoreRenderer.renderAdditions(operations));
        OvsVsctlCommands.renderCreations(operations, bridge).forEach(ovsdb::run);
        String v4 = IptablesRestoreRenderer.render(
                IpFamily.IPV4, operations, desired, readIptables(IpFamily.IPV4).topChainJumps());
        ipv4.restoreNoFlush(v4);
        String v6 = IptablesRestoreRenderer.render(
                IpFamily.IPV6, operations, desired, readIptables(IpFamily.IPV6).topChainJumps());
        ipv6.restoreNoFlush(v6);
        flows.bundle(OpenFlowBundleRenderer.render(operations));
        OvsVsctlCommands.renderDeletions(operations, bridge).forEach(ovsdb::run);
        ipset.restoreExist(IpsetRestoreRenderer.renderRemovals(operations));
    }
}
