package io.weft.bench.rules;

import io.weft.bench.model.LargeHostModels;
import io.weft.bench.model.LargeHostShape;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.model.HostModel;
import io.weft.rules.state.HostDesiredState;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The acceptance host, built and compiled once per trial; benchmarks only read it. */
@State(Scope.Benchmark)
public class LargeHostState {
    HostModel model;
    HostDesiredState desired;

    @Setup(Level.Trial)
    public void build() {
        model = LargeHostModels.host(LargeHostShape.acceptance());
        desired = HostCompiler.compile(model);
    }
}
