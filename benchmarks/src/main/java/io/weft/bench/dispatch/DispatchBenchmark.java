package io.weft.bench.dispatch;

import io.weft.bench.model.FleetShape;
import io.weft.bench.model.MembershipFleet;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The server's dispatch core under one membership change: a NIC joins or leaves a group that the
 * NICs of {@code referencingHosts} hosts admit by a group rule. Measures applying the change,
 * bringing every host it may touch up to date (the NIC's network recompiles; the referencing
 * hosts have their group set patched), planning the DELTAs and encoding them for the broker.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class DispatchBenchmark {
    @Param("1000")
    public int hosts;

    @Param("10")
    public int nicsPerHost;

    @Param("100")
    public int referencingHosts;

    private final HostMessageCodec codec = new HostMessageCodec();
    private MembershipFleet fleet;

    @Setup(Level.Trial)
    public void load() {
        fleet = MembershipFleet.load(new FleetShape(hosts, nicsPerHost, 10, referencingHosts));
    }

    /** Returns the bytes handed to the broker, so nothing is optimised away. */
    @Benchmark
    public long membershipChange() {
        List<HostUpdate> updates = fleet.planner().apply(List.of(fleet.nextMembershipChange()));
        long bytes = 0;
        for (HostUpdate update : updates) {
            bytes += codec.encodeBytes(update).length;
        }
        return bytes;
    }
}
