package io.weft.server.catalogue;

import java.util.UUID;

/**
 * The ids of what {@code V4__catalogue.sql} seeds on a fresh database, for code and tests that name
 * the defaults: CloudStack's "Small Instance" and "Medium Instance", and one public template in
 * every zone.
 */
public final class SeededCatalogue {
    public static final UUID SMALL_INSTANCE = UUID.fromString("0c5e7a20-0000-4000-8000-000000000001");
    public static final UUID MEDIUM_INSTANCE = UUID.fromString("0c5e7a20-0000-4000-8000-000000000002");
    public static final UUID UBUNTU_TEMPLATE = UUID.fromString("0c5e7a30-0000-4000-8000-000000000001");

    private SeededCatalogue() {}
}
