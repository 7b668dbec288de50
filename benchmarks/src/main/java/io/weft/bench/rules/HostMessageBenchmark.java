package io.weft.bench.rules;

import io.weft.bench.model.LargeHostModels;
import io.weft.server.dispatch.SentState;
import io.weft.server.dispatch.UpdatePlanner;
import io.weft.spec.host.Generation;
import io.weft.spec.host.HostMessageCodec;
import io.weft.spec.host.HostUpdate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The acceptance host's messages as the server builds and encodes them: the FULL it sends on start
 * or resync, and the DELTA for one new group member. The state hash they carry is cached in the
 * state after the first call, so these times are building and encoding only; the hash is measured
 * on its own in {@link RulesEngineRenderBenchmark#stateHash}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class HostMessageBenchmark {
    private static final Generation SENT = new Generation(1, 1);

    private final HostMessageCodec codec = new HostMessageCodec();

    @Benchmark
    public byte[] fullUpdateEncoded(MembershipDeltaState delta) {
        HostUpdate full = UpdatePlanner.full(LargeHostModels.HOST_ID, SENT, delta.afterState);
        return codec.encodeBytes(full);
    }

    @Benchmark
    public byte[] deltaUpdateEncoded(MembershipDeltaState delta) {
        HostUpdate update = UpdatePlanner.delta(
                        LargeHostModels.HOST_ID, new SentState(SENT, delta.beforeState), delta.afterState)
                .orElseThrow();
        return codec.encodeBytes(update);
    }
}
