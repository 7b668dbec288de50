package io.weft.server.dispatch;

import static java.util.Objects.requireNonNull;

import io.weft.rules.compile.GroupSets;
import io.weft.rules.model.IpAddress;
import io.weft.rules.model.IpFamily;
import io.weft.rules.state.DesiredEntry;
import io.weft.rules.state.HostDesiredState;
import io.weft.rules.state.IpSetEntry;
import io.weft.rules.state.IpSetMemberEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

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
 */
final class GroupSetPatch {
    private static final GroupSetPatch NONE = new GroupSetPatch(List.of());

    /** One group set's edit: members that must be present, and member keys that must be absent. */
    private record SetEdit(String setKey, SortedMap<String, IpSetMemberEntry> present, SortedSet<String> absent) {}

    /** What one host's state must change by: upserts and deletes, each in key order. */
    record HostEdit(SortedMap<String, DesiredEntry> upserts, SortedSet<String> deletes) {
        HostEdit {
            upserts = Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(upserts, "upserts is null")));
            deletes = Collections.unmodifiableSortedSet(new TreeSet<>(requireNonNull(deletes, "deletes is null")));
        }

        boolean isEmpty() {
            return upserts.isEmpty() && deletes.isEmpty();
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
                    String setKey = IpSetEntry.keyOf(GroupSets.setName(groupId, family));
                    edits.add(new SetEdit(setKey, present, absent));
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
        for (SetEdit edit : edits) {
            if (state.entry(edit.setKey()).isEmpty()) {
                continue;
            }
            edit.present().forEach((key, member) -> {
                Optional<DesiredEntry> held = state.entry(key);
                if (held.isEmpty() || !held.get().equals(member)) {
                    upserts.put(key, member);
                }
            });
            for (String key : edit.absent()) {
                if (state.entry(key).isPresent()) {
                    deletes.add(key);
                }
            }
        }
        return new HostEdit(upserts, deletes);
    }
}
