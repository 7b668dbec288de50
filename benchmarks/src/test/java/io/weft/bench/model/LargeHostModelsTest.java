package io.weft.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.weft.rules.compile.HostCompiler;
import io.weft.rules.diff.Operation;
import io.weft.rules.diff.StateDiff;
import io.weft.rules.model.HostModel;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.LocalNic;
import io.weft.rules.render.IpsetRestoreRenderer;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetMemberEntry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generator must build what the benchmarks claim to measure, the same way every time. */
class LargeHostModelsTest {
    private final LargeHostShape shape = LargeHostShape.small();

    @Test
    void sameShapeGivesSameModelAndSameStateHash() {
        HostModel first = LargeHostModels.host(shape);
        HostModel second = LargeHostModels.host(shape);

        assertThat(second).isEqualTo(first);
        assertThat(HostCompiler.compile(second).hash())
                .isEqualTo(HostCompiler.compile(first).hash());
    }

    @Test
    void everyNicHasTheShapesNumberOfDistinctGroups() {
        HostModel model = LargeHostModels.host(shape);

        assertThat(model.nics()).hasSize(shape.nics());
        for (LocalNic nic : model.nics()) {
            assertThat(nic.securityGroupIds()).doesNotHaveDuplicates().hasSize(shape.groupsPerNic());
        }
        assertThat(model.groups()).allSatisfy(group -> assertThat(group.rules()).hasSize(shape.rulesPerGroup()));
    }

    @Test
    void everyReferencedGroupHasTheShapesNumberOfDistinctMembers() {
        HostModel model = LargeHostModels.host(shape);

        assertThat(model.groupMembers()).hasSize(shape.referencedGroups());
        assertThat(model.groupMembers().values())
                .allSatisfy(members ->
                        assertThat(members).doesNotHaveDuplicates().hasSize(shape.membersPerReferencedGroup()));
    }

    @Test
    void acceptanceShapeIsAValidModel() {
        HostModel model = LargeHostModels.host(LargeHostShape.acceptance());

        assertThat(model.nics()).hasSize(200);
        assertThat(model.groupMembers().values())
                .allSatisfy(members -> assertThat(members).hasSize(10_000));
    }

    @Test
    void addingOneMemberIsOneIpsetAddAndMatchesAFullRecompile() {
        HostModel before = LargeHostModels.host(shape);
        HostDesiredState beforeState = HostCompiler.compile(before);
        IpAddress member = LargeHostModels.newMemberOf(shape, 1);

        HostDesiredState afterState = HostCompiler.compile(
                LargeHostModels.withMemberAdded(before, LargeHostModels.referencedGroupId(1), member));
        List<Operation> operations = StateDiff.diff(beforeState, afterState);

        assertThat(operations).singleElement().satisfies(operation -> assertThat(operation)
                .isInstanceOfSatisfying(Operation.Upsert.class, upsert -> assertThat(upsert.entry())
                        .isInstanceOf(IpSetMemberEntry.class)));
        assertThat(IpsetRestoreRenderer.renderAdditions(operations))
                .startsWith("add weft-g4-")
                .endsWith(" " + member + "\n")
                .hasLineCount(1);
        assertThat(StateDiff.apply(operations, beforeState).hash()).isEqualTo(afterState.hash());
    }
}
