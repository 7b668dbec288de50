package io.weft.lab.scenario;

import io.weft.lab.infra.Vm;
import io.weft.lab.scenario.IntendedRules.Probe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * For every ordered pair of VMs, which probes pass: measured with real packets (ping, a TCP
 * connection to {@link IntendedRules#TCP_PORT}) or derived from {@link IntendedRules}. Two matrices
 * compare equal when every cell does, and print as a table whose cells read {@code ping+tcp},
 * {@code ping}, {@code tcp} or {@code -}.
 */
public final class ReachabilityMatrix {
    private static final Duration PING_INTERVAL = Duration.ofMillis(200);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);
    private static final int PINGS = 3;

    private final List<String> names;
    private final Map<String, Map<String, Set<Probe>>> cells;

    private ReachabilityMatrix(List<String> names, Map<String, Map<String, Set<Probe>>> cells) {
        this.names = List.copyOf(names);
        this.cells = cells;
    }

    /** Starts the TCP probe's listener on every VM; the lab stops them when it closes. */
    public static void listenEverywhere(List<Vm> vms) {
        vms.forEach(vm -> vm.startTcpListener(IntendedRules.TCP_PORT));
    }

    /** What the rules say, for these VMs. */
    public static ReachabilityMatrix expected(List<Vm> vms, IntendedRules rules) {
        Map<String, Map<String, Set<Probe>>> cells = new LinkedHashMap<>();
        for (Vm source : vms) {
            Map<String, Set<Probe>> row = new LinkedHashMap<>();
            for (Vm destination : vms) {
                if (source != destination) {
                    Set<Probe> passing = EnumSet.noneOf(Probe.class);
                    for (Probe probe : Probe.values()) {
                        if (rules.allows(source.name(), destination.name(), probe)) {
                            passing.add(probe);
                        }
                    }
                    row.put(destination.name(), passing);
                }
            }
            cells.put(source.name(), row);
        }
        return new ReachabilityMatrix(names(vms), cells);
    }

    /**
     * What the packets say. Sources probe in parallel (each VM is its own namespace); a ping cell
     * passes when any of three echoes comes back, so a first packet spent on ARP does not count as
     * a block.
     */
    public static ReachabilityMatrix measure(List<Vm> vms) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, vms.size()));
        try {
            Map<String, Future<Map<String, Set<Probe>>>> rows = new LinkedHashMap<>();
            for (Vm source : vms) {
                rows.put(source.name(), pool.submit(() -> measureRow(source, vms)));
            }
            Map<String, Map<String, Set<Probe>>> cells = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Map<String, Set<Probe>>>> row : rows.entrySet()) {
                cells.put(row.getKey(), row.getValue().get());
            }
            return new ReachabilityMatrix(names(vms), cells);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while probing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a probe failed to run", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Set<Probe>> measureRow(Vm source, List<Vm> vms) {
        Map<String, Set<Probe>> row = new LinkedHashMap<>();
        for (Vm destination : vms) {
            if (source == destination) {
                continue;
            }
            Set<Probe> passing = EnumSet.noneOf(Probe.class);
            String ip = destination.ipv4Address();
            if (source.ping(ip, PINGS, PING_INTERVAL, PROBE_TIMEOUT).anyReceived()) {
                passing.add(Probe.PING);
            }
            if (source.tcpConnect(ip, IntendedRules.TCP_PORT, PROBE_TIMEOUT)) {
                passing.add(Probe.TCP);
            }
            row.put(destination.name(), passing);
        }
        return row;
    }

    private static List<String> names(List<Vm> vms) {
        return vms.stream().map(Vm::name).toList();
    }

    /** The cells where this matrix and the other differ, one line each; empty when equal. */
    public List<String> differences(ReachabilityMatrix expected) {
        List<String> differences = new ArrayList<>();
        for (String source : names) {
            for (String destination : names) {
                if (source.equals(destination)) {
                    continue;
                }
                Set<Probe> mine = cell(source, destination);
                Set<Probe> theirs = expected.cell(source, destination);
                if (!mine.equals(theirs)) {
                    differences.add(source + " -> " + destination + ": measured " + label(mine) + ", rules say "
                            + label(theirs));
                }
            }
        }
        return differences;
    }

    public Set<Probe> cell(String source, String destination) {
        return Collections.unmodifiableSet(
                cells.getOrDefault(source, Map.of()).getOrDefault(destination, EnumSet.noneOf(Probe.class)));
    }

    /** Rows are sources, columns destinations. */
    public String render() {
        int width = Math.max(8, names.stream().mapToInt(String::length).max().orElse(0)) + 2;
        StringBuilder table = new StringBuilder(pad("from \\ to", width));
        names.forEach(name -> table.append(pad(name, width)));
        table.append('\n');
        for (String source : names) {
            table.append(pad(source, width));
            for (String destination : names) {
                table.append(pad(source.equals(destination) ? "" : label(cell(source, destination)), width));
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String label(Set<Probe> probes) {
        if (probes.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        probes.forEach(probe -> parts.add(probe.name().toLowerCase(java.util.Locale.ROOT)));
        return String.join("+", parts);
    }

    private static String pad(String text, int width) {
        return String.format("%-" + width + "s", text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReachabilityMatrix matrix && new TreeMap<>(cells).equals(new TreeMap<>(matrix.cells));
    }

    @Override
    public int hashCode() {
        return new TreeMap<>(cells).hashCode();
    }

    @Override
    public String toString() {
        return render();
    }
}
