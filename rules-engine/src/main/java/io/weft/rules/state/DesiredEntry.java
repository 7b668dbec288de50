package io.weft.rules.state;

import java.util.List;

/**
 * One keyed piece of a host's desired state: the unit that travels in DELTA messages and that the
 * diff adds or removes. Every subtype is a plain record of strings, ints and lists so that it
 * serializes as-is; {@link #kind()} names the subtype for a type discriminator.
 */
public sealed interface DesiredEntry
        permits IpSetEntry,
                IpSetMemberEntry,
                ChainEntry,
                BridgeEntry,
                NicPortEntry,
                UplinkEntry,
                TunnelEntry,
                FlowEntry {
    /** The entry's key in {@link HostDesiredState#entries()}; a pure function of its identity fields. */
    String key();

    /** A short type name, e.g. {@code ipset}, {@code chain}, {@code flow}. */
    String kind();

    /** The entry's fields in a fixed order, for the canonical serialization behind the state hash. */
    List<String> canonicalFields();
}
