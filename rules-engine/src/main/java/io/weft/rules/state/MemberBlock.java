package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The members of one ipset, held once and shared by every host state that holds the set: a group
 * referenced on a thousand hosts keeps one sorted array of its members, not a thousand maps. The
 * block stands for the {@link IpSetMemberEntry} entries {@code ipset/<set>/<member>} of a state;
 * their digest is summed once, when the block is made, so a state holding the block adds one term.
 *
 * <p>Immutable. A membership change makes a new block ({@link #with}) in time linear in the set
 * (an array copy) plus the changed members' digests, and each host state swaps the reference.
 */
public final class MemberBlock {
    private final String setName;
    /** Sorted, distinct canonical members, as {@code ipset save} prints them. */
    private final String[] members;

    private final StateDigest digest;

    private MemberBlock(String setName, String[] members, StateDigest digest) {
        this.setName = setName;
        this.members = members;
        this.digest = digest;
    }

    /** A block of the given members of {@code setName}, in any order, duplicates collapsed. */
    public static MemberBlock of(String setName, Collection<String> members) {
        requireNonNull(setName, "setName is null");
        requireNonNull(members, "members is null");
        SortedSet<String> sorted =
                members instanceof SortedSet<String> set && set.comparator() == null ? set : new TreeSet<>(members);
        String[] array = sorted.toArray(new String[0]);
        for (String member : array) {
            requireNonNull(member, "member is null");
        }
        return new MemberBlock(setName, array, StateDigest.of(new MemberEntries(setName, array)));
    }

    public String setName() {
        return setName;
    }

    public int size() {
        return members.length;
    }

    /** The members, sorted; a read-only view of the block's array, not a copy. */
    public List<String> members() {
        return new ReadOnlyArray(members);
    }

    public boolean contains(String member) {
        return Arrays.binarySearch(members, member) >= 0;
    }

    /** The member entries this block stands for, in key order. */
    public List<IpSetMemberEntry> entries() {
        return new MemberEntries(setName, members);
    }

    /** Visits the member entries in key order without collecting them. */
    public void forEachEntry(Consumer<? super IpSetMemberEntry> action) {
        for (String member : members) {
            action.accept(new IpSetMemberEntry(setName, member));
        }
    }

    /**
     * This block with {@code added} members put and {@code removed} ones taken out (members already
     * held, or already absent, change nothing): a copy of the array, and the digest moved by the
     * changed members' terms alone. Returns this block when nothing changes.
     */
    public MemberBlock with(Collection<String> added, Collection<String> removed) {
        SortedSet<String> put = new TreeSet<>();
        for (String member : added) {
            if (!contains(member)) {
                put.add(member);
            }
        }
        Set<String> adding = new HashSet<>(added);
        SortedSet<String> taken = new TreeSet<>();
        for (String member : removed) {
            if (adding.contains(member)) {
                throw new IllegalArgumentException("member " + member + " is both added and removed");
            }
            if (contains(member)) {
                taken.add(member);
            }
        }
        if (put.isEmpty() && taken.isEmpty()) {
            return this;
        }
        String[] merged = new String[members.length + put.size() - taken.size()];
        int out = 0;
        int i = 0;
        for (String member : put) {
            while (i < members.length && members[i].compareTo(member) < 0) {
                if (!taken.contains(members[i])) {
                    merged[out++] = members[i];
                }
                i++;
            }
            merged[out++] = member;
        }
        for (; i < members.length; i++) {
            if (!taken.contains(members[i])) {
                merged[out++] = members[i];
            }
        }
        StateDigest moved = digest.plus(
                new MemberEntries(setName, put.toArray(new String[0])),
                new MemberEntries(setName, taken.toArray(new String[0])));
        return new MemberBlock(setName, merged, moved);
    }

    /**
     * What turns {@code before}'s members into {@code after}'s, in member order: one merge walk
     * over both arrays, nothing when they are the same block.
     */
    public static Changes changes(MemberBlock before, MemberBlock after) {
        requireNonNull(before, "before is null");
        requireNonNull(after, "after is null");
        if (!before.setName.equals(after.setName)) {
            throw new IllegalArgumentException("blocks of different sets: " + before.setName + ", " + after.setName);
        }
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        if (before != after) {
            String[] left = before.members;
            String[] right = after.members;
            int i = 0;
            int j = 0;
            while (i < left.length || j < right.length) {
                int order = i == left.length ? 1 : j == right.length ? -1 : left[i].compareTo(right[j]);
                if (order < 0) {
                    removed.add(left[i++]);
                } else if (order > 0) {
                    added.add(right[j++]);
                } else {
                    i++;
                    j++;
                }
            }
        }
        return new Changes(List.copyOf(added), List.copyOf(removed));
    }

    /** Members that joined and members that left, each sorted. */
    public record Changes(List<String> added, List<String> removed) {
        public boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    StateDigest digest() {
        return digest;
    }

    /** Same set, same members; the same block object is equal at once. */
    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        return other instanceof MemberBlock block
                && setName.equals(block.setName)
                && digest.equals(block.digest)
                && Arrays.equals(members, block.members);
    }

    @Override
    public int hashCode() {
        return digest.lowBits();
    }

    @Override
    public String toString() {
        return "MemberBlock[" + setName + ", " + members.length + " members]";
    }

    /** A read-only list over the array, so that callers cannot write into a shared block. */
    private static final class ReadOnlyArray extends AbstractList<String> implements RandomAccess {
        private final String[] array;

        ReadOnlyArray(String[] array) {
            this.array = array;
        }

        @Override
        public String get(int index) {
            return array[index];
        }

        @Override
        public int size() {
            return array.length;
        }
    }

    /** The member entries of an array, made one at a time as they are read. */
    private static final class MemberEntries extends AbstractList<IpSetMemberEntry> implements RandomAccess {
        private final String setName;
        private final String[] members;

        MemberEntries(String setName, String[] members) {
            this.setName = setName;
            this.members = members;
        }

        @Override
        public IpSetMemberEntry get(int index) {
            return new IpSetMemberEntry(setName, members[index]);
        }

        @Override
        public int size() {
            return members.length;
        }
    }
}
