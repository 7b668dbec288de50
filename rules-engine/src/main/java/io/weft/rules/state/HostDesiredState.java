package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

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
    private final int size;
    /**
     * Base and overlay merged, made on first use. Racy first computations are harmless: every
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
        this.merged = base;
    }

    private HostDesiredState(
            SortedMap<String, DesiredEntry> base,
            SortedMap<String, DesiredEntry> overlaid,
            SortedSet<String> removed,
            int size,
            StateDigest digest) {
        this.base = base;
        this.overlaid = overlaid;
        this.removed = removed;
        this.size = size;
        this.digest = digest;
        this.merged = overlaid.isEmpty() && removed.isEmpty() ? base : null;
    }

    /** The entries by key: the payload of FULL messages, and the universe DELTA keys come from. */
    public SortedMap<String, DesiredEntry> entries() {
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

    /** The entry under {@code key}, looked up without merging an overlay. */
    public Optional<DesiredEntry> entry(String key) {
        requireNonNull(key, "key is null");
        DesiredEntry over = overlaid.get(key);
        if (over != null) {
            return Optional.of(over);
        }
        return removed.contains(key) ? Optional.empty() : Optional.ofNullable(base.get(key));
    }

    /** How many entries the state holds. */
    public int size() {
        return size;
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
        List<DesiredEntry> added = new ArrayList<>();
        List<DesiredEntry> dropped = new ArrayList<>();
        int grown = 0;
        for (Map.Entry<String, ? extends DesiredEntry> upsert : upserts.entrySet()) {
            DesiredEntry entry = checked(upsert.getKey(), upsert.getValue());
            Optional<DesiredEntry> previous = entry(entry.key());
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
            entry(key).ifPresent(previous -> {
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
        HostDesiredState changed = new HostDesiredState(newBase, newOverlaid, newRemoved, newSize, newDigest);
        if (newOverlaid.size() + newRemoved.size() > Math.max(MIN_OVERLAY, (int) Math.sqrt(newBase.size()))) {
            return new HostDesiredState(
                    changed.entries(), Collections.emptySortedMap(), Collections.emptySortedSet(), newSize, newDigest);
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
            computed = StateDigest.of(entries().values());
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
        String prefix = IpSetEntry.memberKeyPrefix(setName);
        return entries().subMap(prefix, prefix + Character.MAX_VALUE).values().stream()
                .map(entry -> ((IpSetMemberEntry) entry).member())
                .toList();
    }

    public List<ChainEntry> chains(String family) {
        String prefix = "chain/" + family + "/";
        return entries().subMap(prefix, prefix + Character.MAX_VALUE).values().stream()
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

    private <T extends DesiredEntry> List<T> ofType(Class<T> type) {
        return entries().values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        if (other == this) {
            return true;
        }
        if (!(other instanceof HostDesiredState state) || size != state.size) {
            return false;
        }
        StateDigest mine = digest;
        StateDigest theirs = state.digest;
        if (mine != null && theirs != null && !mine.equals(theirs)) {
            return false; // cheap and certain: equal states always sum alike
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
