package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.compile.GroupSets;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import io.weft.rules.state.MemberBlock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A batch's membership changes as edits to group ipsets, computed once per batch and applied to
 * each host that only references the groups: the host keeps every other entry as it was sent,
 * so its state moves by the changed members alone (the incremental counterpart of recompiling it;
 * the dispatcher's properties check that both end in the same state).
 *
 * <p>Correct because a group's set, where a host holds one, is exactly the group's member
 * addresses of the set's family ({@link GroupSets#memberEntries}), whatever else the host holds;
 * and the addresses that can have changed since the host was last sent are those the batch's
 * changes named. Each is checked against the fleet as it now is, so the patch is exact whatever
 * order the batch's changes came in.
 *
 * <p>A host holding the set as a shared {@link MemberBlock} (as compiled states do) swaps in the
 * group's new block, the one every other such host gets, so they keep sharing it; its DELTA is the
 * difference between its block and the new one, computed once per distinct old block.
 */
final class GroupSetPatch {
    private static final GroupSetPatch NONE = new GroupSetPatch(List.of());

    /** One group set's edit: members that must be present, and member keys that must be absent. */
    private static final class SetEdit {
        private final String setName;
        private final SortedMap<String, IpSetMemberEntry> present;
        private final SortedSet<String> absent;
        private final Supplier<MemberBlock> currentBlock;
        private MemberBlock block;
        /** Per old block held by some host: what turns it into the current block. */
        private final Map<MemberBlock, MemberBlock.Changes> changesFrom = new IdentityHashMap<>();

        SetEdit(
                String setName,
                SortedMap<String, IpSetMemberEntry> present,
                SortedSet<String> absent,
                Supplier<MemberBlock> currentBlock) {
            this.setName = setName;
            this.present = present;
            this.absent = absent;
            this.currentBlock = currentBlock;
        }

        /** The group's block now, made once for the batch and only if some host holds the set as a block. */
        MemberBlock block() {
            if (block == null) {
                block = currentBlock.get();
            }
            return block;
        }

        MemberBlock.Changes changesFrom(MemberBlock held) {
            return changesFrom.computeIfAbsent(held, old -> MemberBlock.changes(old, block()));
        }
    }

    /**
     * What one host's state must change by: upserts and deletes, each in key order, as the DELTA
     * carries them; of these, the members of {@code blocks}' sets are carried by swapping the blocks.
     */
    record HostEdit(SortedMap<String, DesiredEntry> upserts, SortedSet<String> deletes, List<MemberBlock> blocks) {
        HostEdit {
            upserts = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(upserts, "upserts is null")));
            deletes = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(deletes, "deletes is null")));
            blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
        }

        boolean isEmpty() {
            return upserts.isEmpty() && deletes.isEmpty();
        }

        /** The state after the edit: own entries changed in place, shared sets by their new blocks. */
        HostDesiredState applyTo(HostDesiredState state) {
            SortedMap<String, DesiredEntry> ownUpserts = new TreeMap<>(upserts);
            SortedSet<String> ownDeletes = new TreeSet<>(deletes);
            for (MemberBlock block : blocks) {
                String prefix = IpSetEntry.memberKeyPrefix(block.setName());
                ownUpserts.subMap(prefix, prefix + Character.MAX_VALUE).clear();
                ownDeletes.subSet(prefix, prefix + Character.MAX_VALUE).clear();
            }
            return state.withChanges(ownUpserts, ownDeletes).withMemberBlocks(blocks);
        }
    }

    private final List<SetEdit> edits;

    private GroupSetPatch(List<SetEdit> edits) {
        this.edits = List.copyOf(edits);
    }

    static GroupSetPatch none() {
        return NONE;
    }

    /**
     * The edits for every group whose member addresses a batch may have changed ({@code changed}:
     * group → addresses that may have joined or left), as the fleet's index now holds them.
     */
    static GroupSetPatch of(Map<String, ? extends SortedSet<IpAddress>> changed, CalculationIndex index) {
        List<SetEdit> edits = new ArrayList<>();
        changed.forEach((groupId, addresses) -> {
            List<IpAddress> members = new ArrayList<>();
            List<IpAddress> gone = new ArrayList<>();
            for (IpAddress address : addresses) {
                (index.isMemberAddress(groupId, address) ? members : gone).add(address);
            }
            for (IpFamily family : IpFamily.values()) {
                SortedMap<String, IpSetMemberEntry> present = GroupSets.memberEntries(groupId, family, members);
                SortedSet<String> absent = new TreeSet<>(
                        GroupSets.memberEntries(groupId, family, gone).keySet());
                if (!present.isEmpty() || !absent.isEmpty()) {
                    edits.add(new SetEdit(
                            GroupSets.setName(groupId, family),
                            present,
                            absent,
                            () -> index.memberBlock(groupId, family)));
                }
            }
        });
        return edits.isEmpty() ? NONE : new GroupSetPatch(edits);
    }

    /**
     * The smallest edit that brings the group sets {@code state} holds up to date: sets it does not
     * hold are not its business, members it already holds (or lacks) need nothing.
     */
    HostEdit editFor(HostDesiredState state) {
        SortedMap<String, DesiredEntry> upserts = new TreeMap<>();
        SortedSet<String> deletes = new TreeSet<>();
        List<MemberBlock> blocks = new ArrayList<>();
        for (SetEdit edit : edits) {
            if (state.entry(IpSetEntry.keyOf(edit.setName)).isEmpty()) {
                continue;
            }
            MemberBlock held = state.memberBlocks().get(edit.setName);
            if (held != null) {
                MemberBlock.Changes changes = edit.changesFrom(held);
                if (!changes.isEmpty()) {
                    blocks.add(edit.block());
                    for (String member : changes.added()) {
                        IpSetMemberEntry entry = new IpSetMemberEntry(edit.setName, member);
                        upserts.put(entry.key(), entry);
                    }
                    for (String member : changes.removed()) {
                        deletes.add(new IpSetMemberEntry(edit.setName, member).key());
                    }
                }
                continue;
            }
            edit.present.forEach((key, member) -> {
                Optional<DesiredEntry> current = state.entry(key);
                if (current.isEmpty() || !current.get().equals(member)) {
                    upserts.put(key, member);
                }
            });
            for (String key : edit.absent) {
                if (state.entry(key).isPresent()) {
                    deletes.add(key);
                }
            }
        }
        return new HostEdit(upserts, deletes, blocks);
    }
}
