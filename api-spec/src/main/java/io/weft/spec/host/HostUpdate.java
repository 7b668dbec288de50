package io.weft.spec.host;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The server's ordered update of one host's desired state. A DELTA applies only on top of
 * {@code base}; a FULL replaces everything and ignores {@code base}. {@code desiredHash} is the
 * hash the agent's desired state must have after applying it.
 */
public record HostUpdate(
        int schema,
        String hostId,
        Generation generation,
        Generation base,
        UpdateKind kind,
        List<WireEntry> upserts,
        List<String> deletes,
        String desiredHash)
        implements HostMessage {
    public HostUpdate {
        requireNonNull(hostId, "hostId is null");
        requireNonNull(generation, "generation is null");
        requireNonNull(base, "base is null");
        requireNonNull(kind, "kind is null");
        upserts = List.copyOf(requireNonNull(upserts, "upserts is null"));
        deletes = List.copyOf(requireNonNull(deletes, "deletes is null"));
        requireNonNull(desiredHash, "desiredHash is null");
        if (kind == UpdateKind.FULL && !deletes.isEmpty()) {
            throw new IllegalArgumentException("a FULL update carries no deletes");
        }
        if (kind == UpdateKind.DELTA && !generation.isAfter(base)) {
            throw new IllegalArgumentException("DELTA generation " + generation + " is not after its base " + base);
        }
    }
}
