package io.weft.rules.state;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one host must hold, as a flat, sorted map of keyed entries. The same map is the message
 * payload (whole for FULL, some keys for DELTA), the input of the renderers and one side of a diff;
 * typed views below are just filters over it.
 */
public final class HostDesiredState {
    private static final HostDesiredState EMPTY = new HostDesiredState(new TreeMap<>());

    private final SortedMap<String, DesiredEntry> entries;
    /**
     * Computed on first use: a host acks every generation with it. A racy first computation is
     * harmless, since every thread computes the same immutable string.
     */
    private String hash;

    public HostDesiredState(SortedMap<String, DesiredEntry> entries) {
        requireNonNull(entries, "entries is null");
        TreeMap<String, DesiredEntry> copy = new TreeMap<>();
        for (Map.Entry<String, DesiredEntry> entry : entries.entrySet()) {
            DesiredEntry value = requireNonNull(entry.getValue(), "entry is null");
            if (!value.key().equals(entry.getKey())) {
                throw new IllegalArgumentException(
                        "entry key '" + entry.getKey() + "' does not match its entry's key '" + value.key() + "'");
            }
            copy.put(entry.getKey(), value);
        }
        this.entries = Collections.unmodifiableSortedMap(copy);
    }

    /** The entries by key: the payload of FULL messages, and the universe DELTA keys come from. */
    public SortedMap<String, DesiredEntry> entries() {
        return entries;
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
     * SHA-256 (hex) over the canonical serialization of the entries in key order: every field is
     * length-prefixed, so no two different states serialize alike, and construction order is moot.
     */
    public String hash() {
        String computed = hash;
        if (computed == null) {
            computed = computeHash();
            hash = computed;
        }
        return computed;
    }

    private String computeHash() {
        MessageDigest digest = sha256();
        StringBuilder canonical = new StringBuilder(256);
        for (DesiredEntry entry : entries.values()) {
            canonical.setLength(0);
            appendField(canonical, entry.key());
            appendField(canonical, entry.kind());
            List<String> fields = entry.canonicalFields();
            canonical.append(fields.size()).append(';');
            for (String field : fields) {
                appendField(canonical, field);
            }
            digest.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void appendField(StringBuilder canonical, String field) {
        canonical.append(field.length()).append(':').append(field).append(',');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    public List<IpSetEntry> ipSets() {
        return ofType(IpSetEntry.class);
    }

    /** Members of one set, sorted; a range query over the member keys, not a scan. */
    public List<String> members(String setName) {
        String prefix = IpSetEntry.memberKeyPrefix(setName);
        return entries.subMap(prefix, prefix + Character.MAX_VALUE).values().stream()
                .map(entry -> ((IpSetMemberEntry) entry).member())
                .toList();
    }

    public List<ChainEntry> chains(String family) {
        String prefix = "chain/" + family + "/";
        return entries.subMap(prefix, prefix + Character.MAX_VALUE).values().stream()
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
        return entries.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    @Override
    public boolean equals(Object other) {
        return other == this || (other instanceof HostDesiredState state && entries.equals(state.entries));
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "HostDesiredState" + entries.values();
    }
}
