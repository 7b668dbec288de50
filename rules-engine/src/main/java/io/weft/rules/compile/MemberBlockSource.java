package io.weft.rules.compile;

import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.MemberBlock;
import java.util.List;

/**
 * Where the compiler gets a referenced group's member block. The compiler is pure either way: a
 * source must return the block {@link GroupSets#block} would build from {@code members}. A server
 * compiling many hosts passes a source that returns one shared block per group and content, so
 * every host state referencing the group holds the same object.
 */
@FunctionalInterface
public interface MemberBlockSource {
    /** The block of set {@code setName}: {@code groupId}'s {@code members} of {@code family}. */
    MemberBlock block(String groupId, IpFamily family, String setName, List<IpAddress> members);

    /** Builds each block from the model's members: a block per host, nothing shared. */
    static MemberBlockSource building() {
        return (groupId, family, setName, members) -> GroupSets.block(setName, family, members);
    }
}
