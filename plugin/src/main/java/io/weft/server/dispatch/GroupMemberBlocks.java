package io.weft.server.dispatch;

import io.weft.rules.compile.GroupSets;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.MemberBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One member block per group set, shared by every host state that holds the set: the fleet keeps a
 * group's members once however many hosts reference it. A block is made when first asked for and
 * kept while the group's addresses stay as they were; addresses that may have joined or left since
 * are noted as they change, and the next request makes the new block from the old one by those
 * addresses alone (a copy of the array, the digest moved by their terms) — or afresh, when so many
 * changed that a rebuild is as cheap. Either way the block is exactly the group's addresses now.
 */
final class GroupMemberBlocks {
    /** Below this many changed addresses a block is always patched, whatever its size. */
    private static final int MIN_PATCHED = 64;

    private record Key(String groupId, IpFamily family) {}

    private static final class Held {
        private MemberBlock block;
        private final Set<IpAddress> changedSince = new HashSet<>();

        Held(MemberBlock block) {
            this.block = block;
        }
    }

    private final Map<Key, Held> held = new HashMap<>();

    /** The address may have joined or left the group: a held block of its family is out of date. */
    void addressChanged(String groupId, IpAddress address) {
        Held entry = held.get(new Key(groupId, address.family()));
        if (entry != null) {
            entry.changedSince.add(address);
        }
    }

    /**
     * The group's block of {@code family}, given the group's member addresses as they are now
     * ({@code addresses}) and whether an address is one of them ({@code isMember}).
     */
    MemberBlock block(
            String groupId,
            IpFamily family,
            Function<String, ? extends Iterable<IpAddress>> addresses,
            Predicate<IpAddress> isMember) {
        Key key = new Key(groupId, family);
        String setName = GroupSets.setName(groupId, family);
        Held entry = held.get(key);
        if (entry == null) {
            entry = new Held(fresh(setName, family, addresses.apply(groupId)));
            held.put(key, entry);
        } else if (entry.changedSince.size() > Math.max(MIN_PATCHED, entry.block.size() / 8)) {
            entry.block = fresh(setName, family, addresses.apply(groupId));
            entry.changedSince.clear();
        } else if (!entry.changedSince.isEmpty()) {
            List<String> joined = new ArrayList<>();
            List<String> left = new ArrayList<>();
            for (IpAddress address : entry.changedSince) {
                (isMember.test(address) ? joined : left).add(GroupSets.member(address));
            }
            entry.block = entry.block.with(joined, left);
            entry.changedSince.clear();
        }
        return entry.block;
    }

    private static MemberBlock fresh(String setName, IpFamily family, Iterable<IpAddress> addresses) {
        List<IpAddress> all = new ArrayList<>();
        addresses.forEach(all::add);
        return GroupSets.block(setName, family, all);
    }
}
