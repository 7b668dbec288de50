package io.weft.bench.system;

import com.sun.management.OperatingSystemMXBean;
import io.weft.bench.scenario.Scenario;
import io.weft.bench.scenario.ScenarioChanges;
import io.weft.bench.scenario.ScenarioFleet;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.MemberBlock;
import io.weft.server.dispatch.DispatchPlan;
import io.weft.server.dispatch.DispatchPlanner;
import io.weft.server.dispatch.FleetChange;
import io.weft.server.dispatch.FleetModel;
import io.weft.server.dispatch.SentState;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostMessage;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import io.weft.spec.host.UpdateKind;
import io.weft.spec.host.WireEntry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the server's dispatch core costs on a generated {@link Scenario}: loading it (fleet model,
 * index, every host's state ready), a take-over with every agent in sync, and four kinds of change,
 * each done and undone. Times are wall clock on the dispatcher's thread and the process's CPU time
 * (which counts the collector and the compiler threads too); heap is the used heap after full GCs.
 * Bytes are the JSON the broker would carry ({@link HostMessageCodec}).
 *
 * <p>The naive model for a change is what a dispatcher sending each affected host its whole ruleset
 * would send: the FULL of each host the change sent a message to, counted exactly (each shared
 * member block's bytes are encoded once and added per host that holds it).
 */
public final class DispatchFigures {
    private static final HostMessageCodec CODEC = new HostMessageCodec();
    /** A change is planned on one thread: its CPU time is that thread's, to the nanosecond. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** The generation an agent in sync reports; any generation of the old epoch does. */
    private static final long NEW_EPOCH_STEP = 1;

    /** Median, least and greatest of repeated measurements. */
    public record Spread(double median, double min, double max, int samples) {
        static Spread of(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int n = sorted.size();
            double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
            return new Spread(round(median), round(sorted.get(0)), round(sorted.get(n - 1)), n);
        }
    }

    /**
     * Model and index built, then every host's state compiled and hashed, ready for its first FULL
     * or its agent's report ({@link DispatchPlanner#prepare}); a FULL message is built when a host
     * needs one. Then, untimed by the load, every host is sent its FULL as on a first start with no
     * agent in sync ({@code fullsSeconds}: the messages built, {@code fullEntries} entries, not encoded).
     */
    public record LoadFigures(
            int hosts,
            int nics,
            int groups,
            int hostsReady,
            long fullEntries,
            Spread fullsSeconds,
            Spread wallSeconds,
            Spread cpuSeconds,
            Spread heapHeldMiB,
            Spread heapUsedMiB) {}

    /**
     * A new leader (the next epoch) rebuilds the model and adopts every host whose agent reports the
     * generation and hash it holds: what it sends and how long until every host is confirmed.
     */
    public record FailoverFigures(
            int hosts,
            long fulls,
            long confirmations,
            long bytes,
            double meanBytesPerHost,
            long maxBytesPerHost,
            Spread modelSeconds,
            Spread confirmSeconds,
            Spread cpuSeconds) {}

    /** One change planned against a loaded fleet (the dispatcher's time), and what it sends. */
    public record ChangeFigures(
            String change,
            int hostsReached,
            int hostsRecompiled,
            int hostsPatched,
            int messages,
            long bytes,
            long maxMessageBytes,
            long naiveBytes,
            double naiveRatio,
            Spread dispatcherMillis,
            Spread cpuMillis,
            Spread encodeMillis) {}

    public record Machine(String java, int cores, long maxHeapMiB, String loadBefore, String loadAfter) {}

    public record Report(
            String scenario,
            long seed,
            int repeats,
            Machine machine,
            LoadFigures load,
            FailoverFigures failover,
            List<ChangeFigures> changes) {}

    private final Scenario scenario;
    private final List<FleetChange> fleetChanges;
    private final int repeats;

    public DispatchFigures(Scenario scenario, int repeats) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats must be positive");
        }
        this.scenario = scenario;
        this.fleetChanges = ScenarioFleet.changes(scenario);
        this.repeats = repeats;
    }

    /** Loads the scenario {@code repeats} times; on each load, measures the changes and then a take-over. */
    public Report measure(String loadBefore) {
        long baseline = usedAfterGc();
        List<Double> loadWall = new ArrayList<>();
        List<Double> loadCpu = new ArrayList<>();
        List<Double> heapHeld = new ArrayList<>();
        List<Double> heapUsed = new ArrayList<>();
        List<Double> modelWall = new ArrayList<>();
        List<Double> confirmWall = new ArrayList<>();
        List<Double> failoverCpu = new ArrayList<>();
        Map<String, ChangeSamples> samples = new LinkedHashMap<>();
        int ready = 0;
        long fullEntries = 0;
        List<Double> fullsWall = new ArrayList<>();
        FailoverOutcome failover = null;
        for (int round = 0; round < repeats; round++) {
            long cpu = cpuNanos();
            long start = System.nanoTime();
            DispatchPlanner planner = new DispatchPlanner(1, FleetModel.of(fleetChanges));
            ready = planner.prepare();
            loadWall.add(seconds(System.nanoTime() - start));
            loadCpu.add(seconds(cpuNanos() - cpu));
            long used = usedAfterGc();
            heapUsed.add(used / 1048576.0);
            heapHeld.add((used - baseline) / 1048576.0);

            // A first start with no agent in sync: every host is sent its FULL (built, not encoded).
            long fullsStart = System.nanoTime();
            fullEntries = 0;
            for (String hostId : planner.fleet().hostIds()) {
                fullEntries += planner.full(hostId).orElseThrow().upserts().size();
            }
            fullsWall.add(seconds(System.nanoTime() - fullsStart));

            List<ScenarioChanges.Undoable> changes = ScenarioChanges.of(scenario, planner.fleet());
            for (ScenarioChanges.Undoable change : changes) { // warm-up, not recorded
                planner.plan(List.of(change.forward()));
                planner.plan(List.of(change.undo()));
            }
            for (int i = 0; i < repeats; i++) {
                boolean last = round == repeats - 1 && i == repeats - 1;
                for (ScenarioChanges.Undoable change : changes) {
                    samples.computeIfAbsent(change.name(), ChangeSamples::new).add(planner, change.forward(), last);
                    samples.computeIfAbsent(change.undoName(), ChangeSamples::new)
                            .add(planner, change.undo(), last);
                }
            }

            Map<String, SentState> reports = new HashMap<>();
            for (String hostId : planner.fleet().hostIds()) {
                planner.sent(hostId).ifPresent(sent -> reports.put(hostId, sent));
            }
            planner = null; // the old leader is gone: only its agents' reports remain
            usedAfterGc();
            failover = failover(reports);
            modelWall.add(failover.modelSeconds);
            confirmWall.add(failover.confirmSeconds);
            failoverCpu.add(failover.cpuSeconds);
        }
        LoadFigures load = new LoadFigures(
                scenario.hosts().size(),
                scenario.nics().size(),
                scenario.groups().size(),
                ready,
                fullEntries,
                Spread.of(fullsWall),
                Spread.of(loadWall),
                Spread.of(loadCpu),
                Spread.of(heapHeld),
                Spread.of(heapUsed));
        FailoverFigures failoverFigures = new FailoverFigures(
                failover.hosts,
                failover.fulls,
                failover.confirmations,
                failover.bytes,
                round((double) failover.bytes / Math.max(1, failover.hosts)),
                failover.maxBytes,
                Spread.of(modelWall),
                Spread.of(confirmWall),
                Spread.of(failoverCpu));
        List<ChangeFigures> changeFigures =
                samples.values().stream().map(ChangeSamples::figures).toList();
        Machine machine = new Machine(
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1048576,
                loadBefore,
                null);
        return new Report(
                scenario.shape().name(), scenario.seed(), repeats, machine, load, failoverFigures, changeFigures);
    }

    private record FailoverOutcome(
            int hosts,
            long fulls,
            long confirmations,
            long bytes,
            long maxBytes,
            double modelSeconds,
            double confirmSeconds,
            double cpuSeconds) {}

    /** A new leader in the next epoch adopts every host from the report its agent gives. */
    private FailoverOutcome failover(Map<String, SentState> reports) {
        long cpu = cpuNanos();
        long start = System.nanoTime();
        long epoch = reports.values().iterator().next().generation().epoch() + NEW_EPOCH_STEP;
        DispatchPlanner leader = new DispatchPlanner(epoch, FleetModel.of(fleetChanges));
        long built = System.nanoTime();
        leader.prepare();
        long fulls = 0;
        long confirmations = 0;
        long bytes = 0;
        long maxBytes = 0;
        for (String hostId : leader.fleet().hostIds()) {
            SentState held = reports.get(hostId);
            if (held == null) {
                continue;
            }
            Optional<HostUpdate> update =
                    leader.adopt(hostId, held.generation(), held.state().hash());
            if (update.isEmpty()) {
                continue;
            }
            if (update.get().kind() == UpdateKind.FULL) {
                fulls++;
            } else {
                confirmations++;
            }
            long size = CODEC.encodeBytes(update.get()).length;
            bytes += size;
            maxBytes = Math.max(maxBytes, size);
        }
        long done = System.nanoTime();
        return new FailoverOutcome(
                reports.size(),
                fulls,
                confirmations,
                bytes,
                maxBytes,
                seconds(built - start),
                seconds(done - built),
                seconds(cpuNanos() - cpu));
    }

    /** Samples of one change kind; sizes from one run (they are the same every time). */
    private static final class ChangeSamples {
        private final String name;
        private final List<Double> wall = new ArrayList<>();
        private final List<Double> cpu = new ArrayList<>();
        private final List<Double> encode = new ArrayList<>();
        private int reached;
        private int recompiled;
        private int patched;
        private int messages;
        private long bytes;
        private long maxBytes;
        private long naive;

        ChangeSamples(String name) {
            this.name = name;
        }

        void add(DispatchPlanner planner, FleetChange change, boolean measureSizes) {
            long cpuStart = THREADS.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            DispatchPlan plan = planner.plan(List.of(change));
            long planned = System.nanoTime();
            long cpuPlanned = THREADS.getCurrentThreadCpuTime();
            wall.add((planned - start) / 1e6);
            cpu.add((cpuPlanned - cpuStart) / 1e6);
            long total = 0;
            long max = 0;
            for (HostUpdate update : plan.updates()) {
                long size = CODEC.encodeBytes(update).length;
                total += size;
                max = Math.max(max, size);
            }
            encode.add((System.nanoTime() - planned) / 1e6);
            Set<String> hosts = new HashSet<>();
            plan.reachedByChange().forEach(hosts::addAll);
            reached = hosts.size();
            recompiled = plan.recompiled().size();
            patched = plan.patched().size();
            messages = plan.updates().size();
            bytes = total;
            maxBytes = max;
            if (measureSizes) {
                naive = naiveBytes(planner, plan.updates());
            }
        }

        ChangeFigures figures() {
            return new ChangeFigures(
                    name,
                    reached,
                    recompiled,
                    patched,
                    messages,
                    bytes,
                    maxBytes,
                    naive,
                    bytes == 0 ? 0 : round((double) naive / bytes),
                    Spread.of(wall),
                    Spread.of(cpu),
                    Spread.of(encode));
        }
    }

    /** The FULL bytes of every host the updates went to, with each member block's bytes counted once. */
    static long naiveBytes(DispatchPlanner planner, List<HostUpdate> updates) {
        Map<MemberBlock, Long> blockBytes = new IdentityHashMap<>();
        long total = 0;
        for (HostUpdate update : updates) {
            HostDesiredState state = planner.sent(update.hostId()).orElseThrow().state();
            total += fullBytes(update.hostId(), update.generation(), state, blockBytes);
        }
        return total;
    }

    /**
     * The encoded size of the host's FULL: the FULL of its own entries, plus each member block's
     * entries as they would sit in the same JSON array (one comma before each).
     */
    static long fullBytes(String hostId, Generation generation, HostDesiredState state, Map<MemberBlock, Long> cache) {
        HostUpdate own = new HostUpdate(
                HostMessage.SCHEMA_VERSION,
                hostId,
                generation,
                Generation.NONE,
                UpdateKind.FULL,
                state.ownEntries().values().stream().map(DispatchFigures::wire).toList(),
                List.of(),
                state.hash());
        long size = CODEC.encodeBytes(own).length;
        boolean empty = own.upserts().isEmpty();
        for (MemberBlock block : state.memberBlocks().values()) {
            long entries = cache.computeIfAbsent(block, b -> blockEntryBytes(own, b));
            size += entries + (empty ? 0 : 1);
            empty = false;
        }
        return size;
    }

    /** Bytes of the block's entries and the commas between them, as a JSON array carries them. */
    private static long blockEntryBytes(HostUpdate header, MemberBlock block) {
        if (block.size() == 0) {
            return -1; // no entries and no comma
        }
        HostUpdate none = withUpserts(header, List.of());
        HostUpdate with = withUpserts(
                header, block.entries().stream().map(DispatchFigures::wire).toList());
        // "[]" and "[a,b]" differ by the entries and their commas.
        return CODEC.encodeBytes(with).length - CODEC.encodeBytes(none).length;
    }

    private static HostUpdate withUpserts(HostUpdate header, List<WireEntry> upserts) {
        return new HostUpdate(
                header.schema(),
                header.hostId(),
                header.generation(),
                header.base(),
                header.kind(),
                upserts,
                header.deletes(),
                header.desiredHash());
    }

    private static WireEntry wire(DesiredEntry entry) {
        return new WireEntry(entry.kind(), entry.canonicalFields());
    }

    static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long cpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
