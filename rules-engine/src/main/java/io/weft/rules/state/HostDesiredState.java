package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What one host must hold, as a flat, sorted map of keyed entries. The same map is the message
 * payload (whole for FULL, some keys for DELTA), the input of the renderers and one side of a diff;
 * typed views below are just filters over it.
 *
 * <p>Immutable. {@link #withChanges} derives a state from this one in time proportional to the
 * change, not to the state: the new state shares this one's entries and keeps the change as a
 * small overlay (merged into a plain map only when {@link #entries()} is asked for, or once the
 * overlay outgrows about the square root of the state, which bounds the amortized cost of a
 * one-entry change to O(√n) copying), and its hash is this hash moved by the changed entries.
 *
 * <p>A state may hold some ipsets' members as shared {@link MemberBlock}s instead of entries of
 * its own: the compiler puts each group set's members there, so every host referencing a group
 * holds the same block object and the members are kept once for the whole fleet. The blocks are
 * invisible to readers of {@link #entries()} (which then lists their members as entries, made
 * afresh on each call and never kept, or the sharing would be lost); {@link StateChange} and
 * {@link #equals} compare blocks by identity first.
 */
public final class HostDesiredState {
    private static final HostDesiredState EMPTY = new HostDesiredState(new TreeMap<>());
    /** Overlays up to this many keys are kept even on small states: copying them is trivial. */
    private static final int MIN_OVERLAY = 64;

    /** Entries as of the last merge: unmodifiable, keys checked. */
    private final SortedMap<String, DesiredEntry> base;
    /** The overlay on {@link #base}, disjoint: entries put over it, and keys of it removed. */
    private final SortedMap<String, DesiredEntry> overlaid;

    private final SortedSet<String> removed;
    /** How many entries of its own the state holds (base and overlay merged). */
    private final int size;
    /** Set name → its members, shared with other states; no own entry falls under these sets' member keys. */
    private final SortedMap<String, MemberBlock> blocks;
    /** The blocks' members, added up. */
    private final int blockMembers;
    /**
     * Base and overlay merged (own entries only), made on first use. Racy first computations are harmless: every
     * thread builds an equal immutable map, and volatile publishes it whole.
     */
    private volatile SortedMap<String, DesiredEntry> merged;
    /** Computed on first use (a host acks every generation with it), or carried by withChanges. */
    private volatile StateDigest digest;

    public HostDesiredState(SortedMap<String, DesiredEntry> entries) {
        requireNonNull(entries, "entries is null");
        TreeMap<String, DesiredEntry> copy = new TreeMap<>();
        for (Map.Entry<String, DesiredEntry> entry : entries.entrySet()) {
            copy.put(entry.getKey(), checked(entry.getKey(), entry.getValue()));
        }
        this.base = Collections.unmodifiableSortedMap(copy);
        this.overlaid = Collections.emptySortedMap();
        this.removed = Collections.emptySortedSet();
        this.size = copy.size();
        this.blocks = Collections.emptySortedMap();
        this.blockMembers = 0;
        this.merged = base;
    }

    private HostDesiredState(
            SortedMap<String, DesiredEntry> base,
            SortedMap<String, DesiredEntry> overlaid,
            SortedSet<String> removed,
            int size,
            SortedMap<String, MemberBlock> blocks,
            StateDigest digest) {
        this.base = base;
        this.overlaid = overlaid;
        this.removed = removed;
        this.size = size;
        this.blocks = blocks;
        this.blockMembers = blocks.values().stream().mapToInt(MemberBlock::size).sum();
        this.digest = digest;
        this.merged = overlaid.isEmpty() && removed.isEmpty() ? base : null;
    }

    /**
     * A state of {@code entries} of its own and the members of {@code blocks}, each block the
     * whole member list of its set: no entry may be a member of a set that a block holds.
     */
    public static HostDesiredState withBlocks(
            SortedMap<String, ? extends DesiredEntry> entries, Collection<MemberBlock> blocks) {
        HostDesiredState own = new HostDesiredState(new TreeMap<>(entries));
        if (blocks.isEmpty()) {
            return own;
        }
        TreeMap<String, MemberBlock> bySet = new TreeMap<>();
        StateDigest digest = own.digest();
        for (MemberBlock block : blocks) {
            String prefix = IpSetEntry.memberKeyPrefix(block.setName());
            if (bySet.put(block.setName(), block) != null) {
                throw new IllegalArgumentException("two blocks for set " + block.setName());
            }
            if (!own.base.subMap(prefix, prefix + Character.MAX_VALUE).isEmpty()) {
                throw new IllegalArgumentException(
                        "set " + block.setName() + " has members both as entries and in a block");
            }
            digest = digest.plus(block.digest());
        }
        return new HostDesiredState(
                own.base, own.overlaid, own.removed, own.size, Collections.unmodifiableSortedMap(bySet), digest);
    }

    /**
     * The entries by key: the payload of FULL messages, and the universe DELTA keys come from. On a
     * state with member blocks this is a new map on every call, which the caller must not keep
     * with the state; prefer {@link #ownEntries()}, {@link #memberBlocks()} and {@link StateChange}.
     */
    public SortedMap<String, DesiredEntry> entries() {
        if (blocks.isEmpty()) {
            return ownEntries();
        }
        TreeMap<String, DesiredEntry> all = new TreeMap<>(ownEntries());
        for (MemberBlock block : blocks.values()) {
            block.forEachEntry(entry -> all.put(entry.key(), entry));
        }
        return Collections.unmodifiableSortedMap(all);
    }

    /**
     * Visits every entry in key order, blocks' members included, without building a merged map:
     * a block's member keys form one run of keys, which no own entry falls inside.
     */
    public void forEachEntry(Consumer<? super DesiredEntry> action) {
        requireNonNull(action, "action is null");
        Iterator<MemberBlock> pending = blocks.values().iterator();
        MemberBlock next = pending.hasNext() ? pending.next() : null;
        for (DesiredEntry entry : ownEntries().values()) {
            while (next != null && IpSetEntry.memberKeyPrefix(next.setName()).compareTo(entry.key()) < 0) {
                next.forEachEntry(action);
                next = pending.hasNext() ? pending.next() : null;
            }
            action.accept(entry);
        }
        while (next != null) {
            next.forEachEntry(action);
            next = pending.hasNext() ? pending.next() : null;
        }
    }

    /** The entries the state holds itself: all of them but the members of its blocks. */
    public SortedMap<String, DesiredEntry> ownEntries() {
        SortedMap<String, DesiredEntry> entries = merged;
        if (entries == null) {
            TreeMap<String, DesiredEntry> copy = new TreeMap<>(base);
            copy.keySet().removeAll(removed);
            copy.putAll(overlaid);
            entries = Collections.unmodifiableSortedMap(copy);
            merged = entries;
        }
        return entries;
    }

    /** Set name → the shared block holding its members, for the sets the state holds that way. */
    public SortedMap<String, MemberBlock> memberBlocks() {
        return blocks;
    }

    /** The entry under {@code key}, looked up without merging an overlay. */
    public Optional<DesiredEntry> entry(String key) {
        requireNonNull(key, "key is null");
        Optional<MemberBlock> block = blockOf(key);
        if (block.isPresent()) {
            String member = key.substring(
                    IpSetEntry.memberKeyPrefix(block.get().setName()).length());
            return block.get().contains(member)
                    ? Optional.of(new IpSetMemberEntry(block.get().setName(), member))
                    : Optional.empty();
        }
        return ownEntry(key);
    }

    /** The block whose members the key would name, if the key is a member key of a set held as a block. */
    private Optional<MemberBlock> blockOf(String key) {
        String setPrefix = "ipset/";
        if (blocks.isEmpty() || !key.startsWith(setPrefix)) {
            return Optional.empty();
        }
        int slash = key.indexOf('/', setPrefix.length());
        return slash < 0 ? Optional.empty() : Optional.ofNullable(blocks.get(key.substring(setPrefix.length(), slash)));
    }

    private Optional<DesiredEntry> ownEntry(String key) {
        DesiredEntry over = overlaid.get(key);
        if (over != null) {
            return Optional.of(over);
        }
        return removed.contains(key) ? Optional.empty() : Optional.ofNullable(base.get(key));
    }

    /** How many entries the state holds, its blocks' members included. */
    public int size() {
        return size + blockMembers;
    }

    public static HostDesiredState empty() {
        return EMPTY;
    }

    /** The exact inverse of {@link #entries()}: checks that every key is its entry's own key. */
    public static HostDesiredState fromEntries(Map<String, ? extends DesiredEntry> entries) {
        return new HostDesiredState(new TreeMap<>(entries));
    }

    public static HostDesiredState of(Collection<? extends DesiredEntry> entries) {
        TreeMap<String, DesiredEntry> byKey = new TreeMap<>();
        for (DesiredEntry entry : entries) {
            if (byKey.put(entry.key(), entry) != null) {
                throw new IllegalArgumentException("two entries share key " + entry.key());
            }
        }
        return new HostDesiredState(byKey);
    }

    /**
     * This state with {@code upserts} put (each under its own key) and {@code deletes} removed,
     * exactly as {@code fromEntries} over the changed map would give, but in time proportional to
     * the change. Deleting an absent key or putting an equal entry is a no-op; a key may not be
     * both put and deleted.
     */
    public HostDesiredState withChanges(Map<String, ? extends DesiredEntry> upserts, Collection<String> deletes) {
        requireNonNull(upserts, "upserts is null");
        requireNonNull(deletes, "deletes is null");
        if (blocks.isEmpty()) {
            return withOwnChanges(upserts, deletes);
        }
        // Members of a set held as a block change the block, copied for this state alone: callers
        // that change a shared set for many hosts swap in one new block with withMemberBlocks.
        Map<String, DesiredEntry> ownUpserts = new TreeMap<>();
        Map<String, List<String>> addedBySet = new TreeMap<>();
        Map<String, List<String>> removedBySet = new TreeMap<>();
        for (Map.Entry<String, ? extends DesiredEntry> upsert : upserts.entrySet()) {
            DesiredEntry entry = checked(upsert.getKey(), upsert.getValue());
            Optional<MemberBlock> block = blockOf(entry.key());
            if (block.isPresent()) {
                addedBySet
                        .computeIfAbsent(block.get().setName(), set -> new ArrayList<>())
                        .add(((IpSetMemberEntry) entry).member());
            } else {
                ownUpserts.put(entry.key(), entry);
            }
        }
        List<String> ownDeletes = new ArrayList<>();
        for (String key : deletes) {
            if (upserts.containsKey(key)) {
                throw new IllegalArgumentException("key " + key + " is both put and deleted");
            }
            Optional<MemberBlock> block = blockOf(key);
            if (block.isPresent()) {
                String member = key.substring(
                        IpSetEntry.memberKeyPrefix(block.get().setName()).length());
                removedBySet
                        .computeIfAbsent(block.get().setName(), set -> new ArrayList<>())
                        .add(member);
            } else {
                ownDeletes.add(key);
            }
        }
        HostDesiredState changed = withOwnChanges(ownUpserts, ownDeletes);
        Set<String> changedSets = new TreeSet<>(addedBySet.keySet());
        changedSets.addAll(removedBySet.keySet());
        List<MemberBlock> replaced = new ArrayList<>();
        for (String set : changedSets) {
            replaced.add(blocks.get(set)
                    .with(addedBySet.getOrDefault(set, List.of()), removedBySet.getOrDefault(set, List.of())));
        }
        return changed.withMemberBlocks(replaced);
    }

    /**
     * This state with some of its blocks replaced by blocks of the same sets: one reference each,
     * the hash moved by the blocks' precomputed digests. How a membership change reaches every
     * host holding a group's set while they keep sharing one block.
     */
    public HostDesiredState withMemberBlocks(Collection<MemberBlock> replacements) {
        requireNonNull(replacements, "replacements is null");
        TreeMap<String, MemberBlock> newBlocks = new TreeMap<>(blocks);
        StateDigest newDigest = digest();
        boolean changed = false;
        for (MemberBlock block : replacements) {
            MemberBlock previous = newBlocks.put(block.setName(), block);
            if (previous == null) {
                throw new IllegalArgumentException("the state holds no block for set " + block.setName());
            }
            if (previous != block) {
                newDigest = newDigest.minus(previous.digest()).plus(block.digest());
                changed = true;
            }
        }
        if (!changed) {
            return this;
        }
        return new HostDesiredState(
                base, overlaid, removed, size, Collections.unmodifiableSortedMap(newBlocks), newDigest);
    }

    private HostDesiredState withOwnChanges(Map<String, ? extends DesiredEntry> upserts, Collection<String> deletes) {
        List<DesiredEntry> added = new ArrayList<>();
        List<DesiredEntry> dropped = new ArrayList<>();
        int grown = 0;
        for (Map.Entry<String, ? extends DesiredEntry> upsert : upserts.entrySet()) {
            DesiredEntry entry = checked(upsert.getKey(), upsert.getValue());
            Optional<DesiredEntry> previous = ownEntry(entry.key());
            if (previous.isEmpty()) {
                grown++;
            }
            if (previous.isEmpty() || !previous.get().equals(entry)) {
                previous.ifPresent(dropped::add);
                added.add(entry);
            }
        }
        List<String> deleted = new ArrayList<>();
        for (String key : new TreeSet<>(deletes)) {
            if (upserts.containsKey(key)) {
                throw new IllegalArgumentException("key " + key + " is both put and deleted");
            }
            ownEntry(key).ifPresent(previous -> {
                dropped.add(previous);
                deleted.add(key);
            });
        }
        if (added.isEmpty() && deleted.isEmpty()) {
            return this;
        }
        int newSize = size + grown - deleted.size();
        StateDigest newDigest = digest().plus(added, dropped);

        // Start from the merged map when there is one: the overlay then holds this change alone.
        SortedMap<String, DesiredEntry> start = merged;
        TreeMap<String, DesiredEntry> newOverlaid = new TreeMap<>(start == null ? overlaid : Map.of());
        TreeSet<String> newRemoved = new TreeSet<>(start == null ? removed : Set.of());
        SortedMap<String, DesiredEntry> newBase = start == null ? base : start;
        for (DesiredEntry entry : added) {
            newRemoved.remove(entry.key());
            if (entry.equals(newBase.get(entry.key()))) {
                newOverlaid.remove(entry.key()); // back to what the base holds
            } else {
                newOverlaid.put(entry.key(), entry);
            }
        }
        for (String key : deleted) {
            newOverlaid.remove(key);
            if (newBase.containsKey(key)) {
                newRemoved.add(key);
            }
        }
        HostDesiredState changed = new HostDesiredState(newBase, newOverlaid, newRemoved, newSize, blocks, newDigest);
        if (newOverlaid.size() + newRemoved.size() > Math.max(MIN_OVERLAY, (int) Math.sqrt(newBase.size()))) {
            return new HostDesiredState(
                    changed.ownEntries(),
                    Collections.emptySortedMap(),
                    Collections.emptySortedSet(),
                    newSize,
                    blocks,
                    newDigest);
        }
        return changed;
    }

    /**
     * The state hash: SHA-256 of each entry's canonical serialization (key, kind and fields, each
     * length-prefixed, so no two different entries serialize alike), summed modulo 2^256, as 64
     * hex digits. A sum does not depend on construction order and moves by only the changed
     * entries' terms when a state is derived with {@link #withChanges} (see {@code StateDigest}).
     */
    public String hash() {
        return digest().hex();
    }

    private StateDigest digest() {
        StateDigest computed = digest;
        if (computed == null) {
            computed = StateDigest.of(ownEntries().values());
            for (MemberBlock block : blocks.values()) {
                computed = computed.plus(block.digest());
            }
            digest = computed;
        }
        return computed;
    }

    private static DesiredEntry checked(String key, DesiredEntry entry) {
        requireNonNull(entry, "entry is null");
        if (!entry.key().equals(key)) {
            throw new IllegalArgumentException(
                    "entry key '" + key + "' does not match its entry's key '" + entry.key() + "'");
        }
        return entry;
    }

    public List<IpSetEntry> ipSets() {
        return ofType(IpSetEntry.class);
    }

    /** Members of one set, sorted; a range query over the member keys, not a scan. */
    public List<String> members(String setName) {
        MemberBlock block = blocks.get(setName);
        if (block != null) {
            return block.members();
        }
        String prefix = IpSetEntry.memberKeyPrefix(setName);
        return ownEntries().subMap(prefix, prefix + Character.MAX_VALUE).values().stream()
                .map(entry -> ((IpSetMemberEntry) entry).member())
                .toList();
    }

    public List<ChainEntry> chains(String family) {
        String prefix = "chain/" + family + "/";
        return ownEntries().subMap(prefix, prefix + Character.MAX_VALUE).values().stream()
                .map(ChainEntry.class::cast)
                .toList();
    }

    public List<FlowEntry> flows() {
        return ofType(FlowEntry.class);
    }

    public List<BridgeEntry> bridges() {
        return ofType(BridgeEntry.class);
    }

    public List<NicPortEntry> nicPorts() {
        return ofType(NicPortEntry.class);
    }

    public List<TunnelEntry> tunnels() {
        return ofType(TunnelEntry.class);
    }

    public List<UplinkEntry> uplinks() {
        return ofType(UplinkEntry.class);
    }

    /** Blocks hold only set members, which no typed view lists, so own entries are enough. */
    private <T extends DesiredEntry> List<T> ofType(Class<T> type) {
        return ownEntries().values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof HostDesiredState state) || size() != state.size()) {
            return false;
        }
        StateDigest mine = digest;
        StateDigest theirs = state.digest;
        if (mine != null && theirs != null && !mine.equals(theirs)) {
            return false; // cheap and certain: equal states always sum alike
        }
        if (blocks.keySet().equals(state.blocks.keySet())) {
            // No own entry is a member of a block's set, so the parts compare apart; blocks by identity first.
            return ownEntries().equals(state.ownEntries()) && blocks.equals(state.blocks);
        }
        return entries().equals(state.entries());
    }

    /** Consistent with equals: equal states have equal digests. */
    @Override
    public int hashCode() {
        return digest().lowBits();
    }

    @Override
    public String toString() {
        return "HostDesiredState" + entries().values();
    }
}
