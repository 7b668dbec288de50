package io.weft.rules.render;

import io.weft.rules.diff.Operation;
import io.weft.rules.state.FlowEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.WeftCookie;
import java.util.List;

/**
 * Input for {@code ovs-ofctl -O OpenFlow13 --bundle add-flows <bridge> -}: one line per flow
 * modification, applied as one atomic OpenFlow bundle. {@code add} replaces a flow with the same
 * table, priority and match; removals are strict so they touch exactly one flow, and carry our
 * cookie so they can never touch anyone else's.
 */
public final class OpenFlowBundleRenderer {
    /** The OpenFlow version the flows are written and read back in. */
    public static final String OPENFLOW_VERSION = "OpenFlow13";

    private OpenFlowBundleRenderer() {}

    public static String render(List<Operation> operations) {
        StringBuilder script = new StringBuilder();
        for (Operation operation : operations) {
            if (operation instanceof Operation.Upsert upsert && upsert.entry() instanceof FlowEntry flow) {
                add(script, flow);
            } else if (operation instanceof Operation.Remove remove && remove.previous() instanceof FlowEntry flow) {
                script.append("delete_strict cookie=")
                        .append(WeftCookie.HEX)
                        .append("/-1,table=")
                        .append(flow.table())
                        .append(",priority=")
                        .append(flow.priority());
                if (!flow.match().isEmpty()) {
                    script.append(',').append(flow.match());
                }
                script.append('\n');
            }
        }
        return script.toString();
    }

    /** Deletes all our flows and adds the desired ones, in one bundle: no moment without flows. */
    public static String renderReplaceAll(HostDesiredState desired) {
        StringBuilder script = new StringBuilder();
        script.append("delete ").append(WeftCookie.DUMP_FILTER).append('\n');
        desired.flows().forEach(flow -> add(script, flow));
        return script.toString();
    }

    private static void add(StringBuilder script, FlowEntry flow) {
        script.append("add cookie=")
                .append(WeftCookie.HEX)
                .append(",table=")
                .append(flow.table())
                .append(",priority=")
                .append(flow.priority());
        if (!flow.match().isEmpty()) {
            script.append(',').append(flow.match());
        }
        script.append(",actions=").append(flow.actions()).append('\n');
    }
}
