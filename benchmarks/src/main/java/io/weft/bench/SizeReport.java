package io.weft.bench;

import io.weft.bench.model.FleetShape;
import io.weft.bench.model.LargeHostModels;
import io.weft.bench.model.LargeHostShape;
import io.weft.bench.model.MembershipFleet;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpFamily;
import io.weft.rules.render.IpsetRestoreRenderer;
import io.weft.rules.render.IptablesRestoreRenderer;
import io.weft.rules.render.OpenFlowBundleRenderer;
import io.weft.rules.render.OvsVsctlCommands;
import io.weft.rules.state.ChainEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.server.dispatch.SentState;
import io.weft.server.dispatch.UpdatePlanner;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.LongSummaryStatistics;

/**
 * Prints the sizes behind the benchmarks' times — rules, set members, flows, script and message
 * bytes — for the same generated inputs, as Markdown table rows. Sizes are exact and do not depend
 * on the machine, so they are computed once here rather than inside a timed benchmark.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.weft.bench.SizeReport [--no-fleet]}
 */
public final class SizeReport {
    private static final HostMessageCodec CODEC = new HostMessageCodec();
    private final PrintStream out;

    private SizeReport(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        SizeReport report = new SizeReport(System.out);
        report.largeHost(LargeHostShape.acceptance());
        if (!List.of(args).contains("--no-fleet")) {
            report.fleet(FleetShape.acceptance());
        }
    }

    private void largeHost(LargeHostShape shape) {
        HostModel model = LargeHostModels.host(shape);
        HostDesiredState desired = HostCompiler.compile(model);
        out.println("## Large host " + shape);
        out.println();
        out.println("| what | count | bytes |");
        out.println("|---|---:|---:|");
        row("desired-state entries", desired.entries().size(), -1);
        for (IpFamily family : IpFamily.values()) {
            List<ChainEntry> chains = desired.chains(family.token());
            long rules =
                    chains.stream().mapToLong(chain -> chain.rules().size()).sum();
            String script = IptablesRestoreRenderer.renderFull(family, desired, 0);
            row(family.iptablesCommand() + "-restore: chains", chains.size(), -1);
            row(family.iptablesCommand() + "-restore: rules (script lines)", rules, lines(script), bytes(script));
        }
        List<IpSetEntry> sets = desired.ipSets();
        long members = sets.stream()
                .mapToLong(set -> desired.members(set.name()).size())
                .sum();
        String ipset = IpsetRestoreRenderer.renderSwap(desired);
        row("ipset restore (swap form): sets", sets.size(), -1);
        row("ipset restore (swap form): members (script lines)", members, lines(ipset), bytes(ipset));
        String flows = OpenFlowBundleRenderer.renderReplaceAll(desired);
        row("ovs-ofctl --bundle: flows (script lines)", desired.flows().size(), lines(flows), bytes(flows));
        List<List<String>> vsctl =
                OvsVsctlCommands.renderFull(desired, model.bridge().integrationBridge());
        long argvBytes = vsctl.stream()
                .flatMap(List::stream)
                .mapToLong(arg -> arg.getBytes(StandardCharsets.UTF_8).length + 1L)
                .sum();
        row("ovs-vsctl commands (argv bytes)", vsctl.size(), argvBytes);
        Generation sent = new Generation(1, 1);
        row("FULL message (JSON)", 1, CODEC.encodeBytes(UpdatePlanner.full(model.hostId(), sent, desired)).length);

        String groupId = LargeHostModels.referencedGroupId(0);
        HostModel grown = LargeHostModels.withMemberAdded(model, groupId, LargeHostModels.newMemberOf(shape, 0));
        HostDesiredState after = HostCompiler.compile(grown);
        List<Operation> operations = StateDiff.diff(desired, after);
        String additions = IpsetRestoreRenderer.renderAdditions(operations);
        HostUpdate delta = UpdatePlanner.delta(model.hostId(), new SentState(sent, desired), after)
                .orElseThrow();
        row("membership delta: operations", operations.size(), -1);
        row("membership delta: ipset script (`" + additions.strip() + "`)", lines(additions), bytes(additions));
        row("membership delta: DELTA message (JSON)", delta.upserts().size(), CODEC.encodeBytes(delta).length);
        out.println();
    }

    private void fleet(FleetShape shape) {
        long start = System.nanoTime();
        MembershipFleet fleet = MembershipFleet.load(shape);
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        out.println("## Fleet " + shape + " (" + shape.nics() + " NICs)");
        out.println();
        out.println("| what | messages | bytes total | bytes min | bytes max |");
        out.println("|---|---:|---:|---:|---:|");
        messages("initial FULLs (load took " + loadMillis + " ms, not a benchmark)", fleet.initialUpdates());
        List<HostUpdate> leave = fleet.planner().apply(List.of(fleet.nextMembershipChange()));
        messages("membership change: NIC leaves the group", leave);
        List<HostUpdate> join = fleet.planner().apply(List.of(fleet.nextMembershipChange()));
        messages("membership change: NIC joins the group", join);
        long referencing = join.stream()
                .filter(update -> !update.hostId().equals(fleet.flippingHostId()))
                .count();
        out.println();
        out.println("Hosts reached by the join besides the NIC's own host: " + referencing
                + "; each DELTA's upserts: "
                + join.stream()
                        .filter(update -> !update.hostId().equals(fleet.flippingHostId()))
                        .map(update -> update.upserts().toString())
                        .distinct()
                        .limit(3)
                        .toList());
        out.println();
    }

    private void messages(String what, List<HostUpdate> updates) {
        LongSummaryStatistics sizes = updates.stream()
                .mapToLong(update -> CODEC.encodeBytes(update).length)
                .summaryStatistics();
        out.printf(
                "| %s | %d | %d | %d | %d |%n", what, sizes.getCount(), sizes.getSum(), sizes.getMin(), sizes.getMax());
    }

    private void row(String what, long count, long bytes) {
        out.printf("| %s | %,d | %s |%n", what, count, bytes < 0 ? "" : "%,d".formatted(bytes));
    }

    private void row(String what, long count, long scriptLines, long bytes) {
        out.printf("| %s | %,d (%,d) | %,d |%n", what, count, scriptLines, bytes);
    }

    private static long lines(String script) {
        return script.chars().filter(c -> c == '\n').count();
    }

    private static long bytes(String script) {
        return script.getBytes(StandardCharsets.UTF_8).length;
    }
}
