package io.weft.bench.rules;

import io.weft.bench.model.LargeHostModels;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.HostModel;
import io.weft.rules.render.IpsetRestoreRenderer;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import java.util.List;
import java.util.SortedMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One member added to a 10,000-member group that the acceptance host references: the whole path
 * (new model, recompile, diff, {@code ipset add} script) and each stage of it.
 *
 * <p>Times are in microseconds because the stages after the recompile are tiny; the recompile
 * dominates, which is the point of measuring them apart.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesEngineMembershipDeltaBenchmark {
    /** What a host's desired state costs the server per membership change today: everything, from the model. */
    @Benchmark
    public String endToEnd(MembershipDeltaState delta) {
        HostModel after = LargeHostModels.withMemberAdded(delta.before, delta.groupId, delta.newMember);
        HostDesiredState afterState = HostCompiler.compile(after);
        List<Operation> operations = StateDiff.diff(delta.beforeState, afterState);
        return IpsetRestoreRenderer.renderAdditions(operations);
    }

    /** Building the grown model (list copy plus the model's validation). */
    @Benchmark
    public HostModel modelWithMemberAdded(MembershipDeltaState delta) {
        return LargeHostModels.withMemberAdded(delta.before, delta.groupId, delta.newMember);
    }

    @Benchmark
    public HostDesiredState recompile(MembershipDeltaState delta) {
        return HostCompiler.compile(delta.after);
    }

    /** The merge walk over both whole states. */
    @Benchmark
    public List<Operation> diffWholeState(MembershipDeltaState delta) {
        return StateDiff.diff(delta.beforeState, delta.afterState);
    }

    /** The same diff limited to the changed set's member keys: what an incremental path would pay. */
    @Benchmark
    public List<Operation> diffMemberRange(MembershipDeltaState delta) {
        return StateDiff.diff(members(delta.beforeState, delta), members(delta.afterState, delta));
    }

    /** The delta form for the host: one {@code add <set> <ip>} line for {@code ipset -exist restore}. */
    @Benchmark
    public String renderIpsetAdditions(MembershipDeltaState delta) {
        return IpsetRestoreRenderer.renderAdditions(delta.operations);
    }

    private static SortedMap<String, DesiredEntry> members(HostDesiredState state, MembershipDeltaState delta) {
        return state.entries().subMap(delta.memberKeyPrefix, delta.memberKeyPrefix + Character.MAX_VALUE);
    }
}
