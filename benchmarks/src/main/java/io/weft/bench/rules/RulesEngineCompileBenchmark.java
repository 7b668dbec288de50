package io.weft.bench.rules;

import io.weft.rules.compile.HostCompiler;
import io.weft.rules.state.HostDesiredState;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/** Compiling the acceptance host's model to its desired state: the server's cost per FULL. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesEngineCompileBenchmark {
    @Benchmark
    public HostDesiredState compile(LargeHostState host) {
        return HostCompiler.compile(host.model);
    }
}
