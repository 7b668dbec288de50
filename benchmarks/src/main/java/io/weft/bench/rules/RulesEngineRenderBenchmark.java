package io.weft.bench.rules;

import io.weft.rules.model.IpFamily;
import io.weft.rules.render.IpsetRestoreRenderer;
import io.weft.rules.render.IptablesRestoreRenderer;
import io.weft.rules.render.OpenFlowBundleRenderer;
import io.weft.rules.render.OvsVsctlCommands;
import io.weft.rules.state.HostDesiredState;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering the acceptance host's whole desired state into each tool's input, as the agent does on
 * start and on a full resync, plus the state hash both sides compute for every generation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesEngineRenderBenchmark {
    /** Every set rebuilt through a temporary twin and {@code swap}: the full form of {@code ipset restore}. */
    @Benchmark
    public String ipsetRestoreSwap(LargeHostState host) {
        return IpsetRestoreRenderer.renderSwap(host.desired);
    }

    @Benchmark
    public String iptablesRestoreIpv4(LargeHostState host) {
        return IptablesRestoreRenderer.renderFull(IpFamily.IPV4, host.desired, 0);
    }

    /** The generated rules are all IPv4, so this is the per-NIC IPv6 skeleton (anti-spoofing, default drop). */
    @Benchmark
    public String ip6tablesRestore(LargeHostState host) {
        return IptablesRestoreRenderer.renderFull(IpFamily.IPV6, host.desired, 0);
    }

    @Benchmark
    public String openFlowBundle(LargeHostState host) {
        return OpenFlowBundleRenderer.renderReplaceAll(host.desired);
    }

    @Benchmark
    public List<List<String>> ovsVsctlCommands(LargeHostState host) {
        return OvsVsctlCommands.renderFull(host.desired, host.model.bridge().integrationBridge());
    }

    /**
     * SHA-256 over the canonical entries, on a state never hashed before: the server pays it once
     * per compiled state and sends it with every update; the agent checks it.
     */
    @Benchmark
    public String stateHash(FreshStateCopy state) {
        return state.unhashed.hash();
    }

    /** Rebuilding a state from its keyed entries (key checks and a sorted copy), as the agent does on a FULL. */
    @Benchmark
    public HostDesiredState stateFromEntries(LargeHostState host) {
        return HostDesiredState.fromEntries(host.desired.entries());
    }
}
