package io.weft.lab.figures;

import io.weft.agent.core.Convergence;
import io.weft.agent.dataplane.linux.LinuxDataplane;
import io.weft.agent.dataplane.linux.LinuxHostConfig;
import io.weft.agent.process.Command;
import io.weft.agent.process.ProcessCommandRunner;
import io.weft.lab.infra.DataplanePrerequisites;
import io.weft.lab.infra.Hypervisor;
import io.weft.lab.infra.Lab;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.render.IptablesRestoreRenderer;
import io.weft.rules.state.HostDesiredState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Times the agent's Linux driver on the real tools in one lab hypervisor: the first apply of a
 * large host's FULL state, a re-apply of the same state, and one-member joins and leaves of a
 * referenced group, each as {@link Convergence#converge} (read back, diff, apply), with the wall
 * time of every tool call kind. Prints a report for {@code docs/performance.md}.
 *
 * <p>Arguments: {@code [nics] [members per referenced group] [delta repetitions]}, default
 * {@code 100 10000 5}. Needs root and the lab's tools (see {@code docs/lab.md}).
 */
public final class AgentApplyFigures {
    private static final String BRIDGE = "br-int";

    private AgentApplyFigures() {}

    public static void main(String[] args) {
        int nics = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int repetitions = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> missing = DataplanePrerequisites.missing();
        if (!missing.isEmpty()) {
            System.err.println("needs root and the lab's tools; missing: " + String.join(", ", missing));
            System.exit(2);
        }
        say("load average before: " + loadAverage() + " ("
                + Runtime.getRuntime().availableProcessors() + " CPUs)");
        try (Lab lab = Lab.start()) {
            Hypervisor hypervisor = lab.addHypervisor("hv1");
            createTaps(hypervisor, nics);
            ToolTimingRunner tools = new ToolTimingRunner(new ProcessCommandRunner());
            LinuxDataplane dataplane = new LinuxDataplane(
                    tools, LinuxHostConfig.forRunDir(hypervisor.runDir(), Optional.of(hypervisor.namespace()), BRIDGE));

            HostModel model =
                    FiguresHostModel.host("figures", IpAddress.parse(hypervisor.underlayIp()), BRIDGE, nics, members);
            long started = System.nanoTime();
            HostDesiredState full = HostCompiler.compile(model);
            say("compile: " + millis(System.nanoTime() - started) + " ms, "
                    + full.entries().size() + " entries");
            say("entries by kind: " + entriesByKind(full));
            say("iptables-restore input (IPv4, whole state): "
                    + IptablesRestoreRenderer.renderFull(IpFamily.IPV4, full, 0)
                            .lines()
                            .count() + " lines");

            measure("FULL, first apply", dataplane, full, tools);
            measure("FULL again (nothing to do)", dataplane, full, tools);

            IpAddress member = FiguresHostModel.newMember(members);
            HostDesiredState grown = HostCompiler.compile(FiguresHostModel.withMemberAdded(model, member));
            for (int i = 0; i < repetitions; i++) {
                measure("DELTA, " + member + " joins " + FiguresHostModel.referencedGroup(0), dataplane, grown, tools);
                measure("DELTA, " + member + " leaves again", dataplane, full, tools);
            }
            // What the agent does with a member-only DELTA when its last pass succeeded.
            for (int i = 0; i < repetitions; i++) {
                measureMembers("members only, " + member + " joins", dataplane, StateDiff.diff(full, grown), tools);
                measureMembers("members only, " + member + " leaves", dataplane, StateDiff.diff(grown, full), tools);
            }
            say("load average after: " + loadAverage());
        }
    }

    private static void measureMembers(
            String what, LinuxDataplane dataplane, List<Operation> operations, ToolTimingRunner tools) {
        tools.drain();
        long started = System.nanoTime();
        dataplane.applyMembers(operations);
        long elapsed = System.nanoTime() - started;
        say(what + ": " + millis(elapsed) + " ms wall, " + operations.size() + " operation(s), "
                + tools.drain().values().stream()
                        .mapToLong(ToolTimingRunner.ToolTime::calls)
                        .sum() + " call(s)");
    }

    private static void measure(
            String what, LinuxDataplane dataplane, HostDesiredState desired, ToolTimingRunner tools) {
        tools.drain();
        long started = System.nanoTime();
        Convergence.Outcome outcome = Convergence.converge(dataplane, desired);
        long elapsed = System.nanoTime() - started;
        Map<String, ToolTimingRunner.ToolTime> times = tools.drain();
        say("");
        say(what + ": " + millis(elapsed) + " ms wall, " + outcome.operations().size() + " operations, "
                + outcome.result().writes() + " writes, NICs waiting for a tap: "
                + outcome.result().pendingNics().size());
        times.forEach((kind, time) ->
                say(String.format("    %-32s %4d call(s) %8.1f ms", kind, time.calls(), time.nanos() / 1e6)));
        long inTools = times.values().stream()
                .mapToLong(ToolTimingRunner.ToolTime::nanos)
                .sum();
        // The rest is the agent itself: parsing what was read back, diffing, rendering.
        say(String.format("    %-32s %15.1f ms", "in the JVM (parse, diff, render)", (elapsed - inTools) / 1e6));
    }

    private static Map<String, Long> entriesByKind(HostDesiredState state) {
        return state.entries().keySet().stream()
                .collect(Collectors.groupingBy(
                        key -> key.substring(0, key.indexOf('/')), TreeMap::new, Collectors.counting()));
    }

    /** Veth pairs inside the hypervisor stand in for VM taps: the agent only needs the device to exist. */
    private static void createTaps(Hypervisor hypervisor, int count) {
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String tap = FiguresHostModel.tap(i);
            batch.append("link add ")
                    .append(tap)
                    .append(" mtu 1400 type veth peer name ")
                    .append("peer%04d".formatted(i))
                    .append(" mtu 1400\n");
            batch.append("link set ").append(tap).append(" up\n");
        }
        new ProcessCommandRunner()
                .runChecked(Command.of("ip", "-batch", "-")
                        .inNamespace(hypervisor.namespace())
                        .withStdin(batch.toString()));
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String millis(long nanos) {
        return String.format("%.1f", nanos / 1e6);
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
