package io.weft.server.persistence.outbox;

import java.util.Arrays;

/**
 * What a change record tells the dispatcher to reload. The first four name entities whose current
 * version it loads; {@link #FLEET} makes it reload the whole fleet, which is always correct, only
 * slower, and is what a change touching too much to name (an account deleted with its resources) asks for.
 */
public enum ChangeKind {
    NETWORK("network"),
    NIC("nic"),
    GROUP("group"),
    HOST("host"),
    FLEET("fleet");

    private final String stored;

    ChangeKind(String stored) {
        this.stored = stored;
    }

    /** The value of the {@code kind} column. */
    public String stored() {
        return stored;
    }

    /** Whether the record names entities the dispatcher can load one by one. */
    public boolean isEntityChange() {
        return this != FLEET;
    }

    /**
     * The kind a stored value means. Anything unknown, such as the {@code ACCOUNT_RESOURCES_DELETED}
     * of older servers, means {@link #FLEET}: reloading everything never misses a change.
     */
    public static ChangeKind fromStored(String stored) {
        return Arrays.stream(values())
                .filter(kind -> kind.stored.equals(stored))
                .findFirst()
                .orElse(FLEET);
    }
}
