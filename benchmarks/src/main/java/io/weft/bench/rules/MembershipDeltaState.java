package io.weft.bench.rules;

import io.weft.bench.model.LargeHostModels;
import io.weft.bench.model.LargeHostShape;
import io.weft.rules.compile.HostCompiler;
import io.weft.rules.compile.WeftNames;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The acceptance host before and after one address joins its first referenced group (10,000
 * members). Every stage's input is prepared once, so each stage can be measured on its own.
 */
@State(Scope.Benchmark)
public class MembershipDeltaState {
    HostModel before;
    HostDesiredState beforeState;
    String groupId;
    IpAddress newMember;
    /** The member keys of the group's ipset share this prefix; a range over it is the whole set. */
    String memberKeyPrefix;

    HostModel after;
    HostDesiredState afterState;
    List<Operation> operations;

    @Setup(Level.Trial)
    public void build() {
        LargeHostShape shape = LargeHostShape.acceptance();
        before = LargeHostModels.host(shape);
        beforeState = HostCompiler.compile(before);
        groupId = LargeHostModels.referencedGroupId(0);
        newMember = LargeHostModels.newMemberOf(shape, 0);
        memberKeyPrefix = IpSetEntry.memberKeyPrefix(WeftNames.groupSet(groupId, IpFamily.IPV4));

        after = LargeHostModels.withMemberAdded(before, groupId, newMember);
        afterState = HostCompiler.compile(after);
        operations = StateDiff.diff(beforeState, afterState);
        if (operations.size() != 1) {
            throw new IllegalStateException("one new member should be one operation, got " + operations);
        }
    }
}
